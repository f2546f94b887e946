using ArCluster.X12.Remittance;

namespace ArCluster.Simulation.Tests;

[Collection(SmallRunGroup.Name)]
public sealed class AdjudicationTest(SmallRun small)
{
    private readonly GeneratedRun _run = small.Run;

    [Theory]
    [InlineData(0.07)]
    [InlineData(0.15)]
    public void Denial_rate_on_first_adjudication_stays_within_the_configured_band(double rate)
    {
        var simulation = new Simulation(new SimulationOptions { Seed = 11, Practices = 5, Days = 60, DenialRate = rate });
        var outcomes = simulation.Practices.SelectMany(p => Enumerable.Range(0, p.Claims).Select(i => simulation.Outcome(p, i))).Where(o => !o.SelfPay).ToList();

        Assert.True(outcomes.Count > 5_000, $"only {outcomes.Count} insured claims");
        Assert.InRange(outcomes.Count(o => o.Denied) / (double)outcomes.Count, rate - 0.02, rate + 0.02);
    }

    [Fact]
    public void Denials_in_the_files_are_the_expected_ones_each_with_a_reason_on_every_line()
    {
        var firstAdjudications = FirstAdjudications().ToList();
        var denied = firstAdjudications.Where(c => c.Claim.StatusCode == "4").ToList();

        Assert.Equal(_run.Expected.Total.ClaimsAdjudicated, firstAdjudications.Count);
        Assert.Equal(_run.Expected.Total.ClaimsDenied, denied.Count);
        Assert.InRange(denied.Count / (double)firstAdjudications.Count, 0.04, 0.10);
        foreach (var (_, claim) in denied)
        {
            Assert.Equal(0m, claim.PaymentAmount);
            Assert.All(claim.Services, s => Assert.Equal(s.ChargeAmount, Assert.Single(s.Adjustments).Amount));
            Assert.All(claim.Services, s => Assert.Null(s.AllowedAmount));
            Assert.Equal(claim.Services.Sum(s => s.Adjustments.Where(a => a.Group == "PR").Sum(a => a.Amount)), claim.PatientResponsibilityAmount);
        }

        var reasons = denied.SelectMany(c => c.Claim.Services.Select(s => $"{s.Adjustments[0].Group}-{s.Adjustments[0].Reason}")).ToHashSet();
        Assert.Superset(new HashSet<string> { "CO-16", "CO-50", "CO-197", "PR-204" }, reasons);
    }

    [Fact]
    public void Reversal_and_correction_net_to_the_corrected_payment()
    {
        var reversals = _run.ClaimPayments.Where(p => p.Claim.IsReversal).ToList();
        Assert.Equal(_run.Expected.Total.Reversals, reversals.Count);
        Assert.NotEmpty(reversals);
        foreach (var (remittance, reversal) in reversals)
        {
            var payments = _run.ClaimPayments
                .Where(p => p.Remittance.Practice == remittance.Practice && p.Claim.PatientControlNumber == reversal.PatientControlNumber)
                .ToList();
            var original = payments.Single(p => p.Claim.PayerClaimControlNumber == reversal.PayerClaimControlNumber && !p.Claim.IsReversal);
            var correction = payments.SkipWhile(p => p.Claim != reversal).Skip(1).First();

            // The payment being reversed came in an earlier remittance; the correction right after the reversal.
            Assert.True(original.Remittance.FileDay < remittance.FileDay);
            Assert.Same(remittance, correction.Remittance);
            Assert.Equal("1", correction.Claim.StatusCode);
            Assert.NotEqual(reversal.PayerClaimControlNumber, correction.Claim.PayerClaimControlNumber);

            // The reversal repeats the original with every amount negated.
            Assert.Equal(-original.Claim.ChargeAmount, reversal.ChargeAmount);
            Assert.Equal(-original.Claim.PaymentAmount, reversal.PaymentAmount);
            Assert.Equal(-original.Claim.PatientResponsibilityAmount, reversal.PatientResponsibilityAmount);
            Assert.Equal(
                original.Claim.Services.SelectMany(s => s.Adjustments).Select(a => (a.Group, a.Reason, -a.Amount)),
                reversal.Services.SelectMany(s => s.Adjustments).Select(a => (a.Group, a.Reason, a.Amount)));

            var net = original.Claim.PaymentAmount + reversal.PaymentAmount + correction.Claim.PaymentAmount;
            Assert.Equal(correction.Claim.PaymentAmount, net);
            Assert.Equal(_run.OutcomeOf(remittance.Practice, reversal.PatientControlNumber).PrimaryPaid, net);
        }
    }

    [Fact]
    public void Every_crossover_of_a_dual_eligible_patient_is_later_paid_by_Medicaid_as_secondary()
    {
        var crossovers = _run.ClaimPayments.Where(p => p.Claim.StatusCode == "19").ToList();
        Assert.Equal(_run.Expected.Total.Crossovers, crossovers.Count);
        Assert.NotEmpty(crossovers);
        foreach (var (remittance, crossover) in crossovers)
        {
            var claim = _run.ClaimOf(remittance.Practice, crossover.PatientControlNumber);
            Assert.Equal("00431", remittance.PayerId);
            Assert.Equal("SKCA0", claim.Secondary!.PayerId);
            Assert.Equal("SKCA0", crossover.CrossoverPayer!.Id);
            Assert.Contains("MA07", crossover.RemarkCodes);
            Assert.True(crossover.PatientResponsibilityAmount > 0m);

            var (secondaryRemittance, secondary) = Assert.Single(_run.ClaimPayments, p =>
                p.Remittance.Practice == remittance.Practice && p.Claim.PatientControlNumber == crossover.PatientControlNumber && p.Claim.StatusCode == "2");
            Assert.Equal("SKCA0", secondaryRemittance.PayerId);
            Assert.True(secondaryRemittance.Advice.PaymentDate > remittance.Advice.PaymentDate);
            Assert.InRange(secondary.PaymentAmount, 0m, crossover.PatientResponsibilityAmount!.Value);
            Assert.Equal(0m, secondary.PatientResponsibilityAmount);
            Assert.Equal(_run.OutcomeOf(remittance.Practice, claim.ClaimId).SecondaryPaid, secondary.PaymentAmount);

            // Line by line, OA-23 restates what the primary settled: all but the patient's share.
            foreach (var service in secondary.Services)
            {
                var before = crossover.Services.Single(s => s.LineItemControlNumber == service.LineItemControlNumber);
                var priorPayer = service.Adjustments.Where(a => a.Group == "OA" && a.Reason == "23").Sum(a => a.Amount);
                Assert.Equal(before.ChargeAmount - Shared(before), priorPayer);
            }
        }

        Assert.Equal(crossovers.Count, _run.ClaimPayments.Count(p => p.Claim.StatusCode == "2"));
    }

    [Fact]
    public void Split_payments_sum_to_the_claims_expected_payment()
    {
        var splits = _run.ClaimPayments
            .Where(p => p.Claim.StatusCode == "1" && _run.IsBilled(p.Remittance.Practice, p.Claim.PatientControlNumber))
            .GroupBy(p => (p.Remittance.Practice, p.Claim.PatientControlNumber))
            .Where(g => _run.OutcomeOf(g.Key.Practice, g.Key.PatientControlNumber).Split)
            .ToList();
        Assert.Equal(_run.Expected.Total.SplitClaims, splits.Count);
        Assert.NotEmpty(splits);
        foreach (var split in splits)
        {
            var parts = split.ToList();
            var claim = _run.ClaimOf(split.Key.Practice, split.Key.PatientControlNumber);
            Assert.Equal(2, parts.Count);
            Assert.True(parts[0].Remittance.FileDay < parts[1].Remittance.FileDay);
            Assert.NotEqual(parts[0].Claim.PayerClaimControlNumber, parts[1].Claim.PayerClaimControlNumber);
            Assert.Equal(
                claim.Lines.Select(l => l.LineControlNumber).Order(StringComparer.Ordinal),
                parts.SelectMany(p => p.Claim.Services.Select(s => s.LineItemControlNumber!)).Order(StringComparer.Ordinal));
            Assert.Equal(_run.OutcomeOf(split.Key.Practice, claim.ClaimId).OriginalPaid, parts.Sum(p => p.Claim.PaymentAmount));
        }
    }

    [Fact]
    public void Underpaid_lines_are_allowed_below_the_fee_schedule_and_the_rest_at_it()
    {
        var underpaid = 0;
        foreach (var (remittance, payment) in FirstAdjudications().Where(p => p.Claim.StatusCode is "1" or "19"))
        {
            var schedule = remittance.Practice.FeeSchedules.Single(f => f.PayerId == remittance.PayerId);
            foreach (var service in payment.Services.Where(s => s.AllowedAmount is not null))
            {
                var contract = schedule.Rates.Single(r => r.Code == service.Procedure.Code).Allowed * service.Units;
                Assert.True(service.AllowedAmount <= contract, $"{payment.PatientControlNumber} {service.Procedure}: allowed {service.AllowedAmount} above the contract's {contract}");
                if (service.AllowedAmount < contract)
                {
                    underpaid++;
                }
            }
        }

        Assert.Equal(_run.Expected.Total.UnderpaidLines, underpaid);
        Assert.True(underpaid > 0);
    }

    [Fact]
    public void Medicare_takes_sequestration_and_charges_nothing_on_preventive_services_and_labs()
    {
        var medicare = FirstAdjudications().Where(p => p.Remittance.PayerId == "00431" && p.Claim.StatusCode is "1" or "19").SelectMany(p => p.Claim.Services).ToList();
        Assert.NotEmpty(medicare);
        foreach (var service in medicare.Where(s => s.PaymentAmount > 0m))
        {
            var sequestration = service.Adjustments.Where(a => a is { Group: "CO", Reason: "253" }).Sum(a => a.Amount);
            var beforeSequestration = service.PaymentAmount + sequestration;
            Assert.Equal(decimal.Round(beforeSequestration * 0.02m, 2, MidpointRounding.AwayFromZero), sequestration);
            if (service.Procedure.Code is "G0439" or "90686" or "G0008" or "36415" or "80053" or "85025" or "80061" or "83036" or "84443" or "81002" or "87880")
            {
                Assert.Equal(0m, Shared(service));
            }
        }
    }

    [Fact]
    public void Interest_recoupments_and_forwarded_balances_are_provider_level_adjustments()
    {
        var items = _run.Remittances.SelectMany(r => r.Advice.ProviderAdjustments.SelectMany(p => p.Items).Select(i => (Remittance: r, Item: i))).ToList();
        var payerClaimNumbers = _run.ClaimPayments.Select(p => p.Claim.PayerClaimControlNumber).ToHashSet();

        Assert.All(items, i => Assert.Contains(i.Item.ReasonCode, (string[])["L6", "WO", "FB"]));
        Assert.All(items, i => Assert.Contains(i.Item.Reference!, payerClaimNumbers));
        Assert.All(items.Where(i => i.Item.ReasonCode == "L6"), i => Assert.True(i.Item.Amount < 0m));
        Assert.All(items.Where(i => i.Item.ReasonCode == "WO"), i => Assert.True(i.Item.Amount > 0m));
        Assert.Equal(_run.Expected.Total.LatePayments, items.Count(i => i.Item.ReasonCode == "L6"));
        Assert.Equal(_run.Expected.Total.Interest, -items.Where(i => i.Item.ReasonCode == "L6").Sum(i => i.Item.Amount));
        Assert.Equal(_run.Expected.Total.Recouped, items.Where(i => i.Item.ReasonCode == "WO").Sum(i => i.Item.Amount));
        Assert.Equal(_run.Expected.Total.ForwardBalance, items.Where(i => i.Item.ReasonCode == "FB").Sum(i => i.Item.Amount));

        // Interest, and a balance forwarded from a reversal, refer to a claim of the same remittance;
        // a recoupment, and a forwarded balance taken back, to one paid in an earlier one.
        foreach (var (remittance, item) in items)
        {
            var referenced = remittance.Advice.Claims.Any(c => c.PayerClaimControlNumber == item.Reference);
            Assert.Equal(item.ReasonCode == "L6" || (item.ReasonCode == "FB" && item.Amount < 0m), referenced);
        }
    }

    private static decimal Shared(ServicePayment service) => service.Adjustments.Where(a => a.Group == "PR").Sum(a => a.Amount);

    /// <summary>Each billed claim's first payment from its primary payer.</summary>
    private IEnumerable<(Remittance Remittance, ClaimPayment Claim)> FirstAdjudications() =>
        _run.ClaimPayments
            .Where(p => _run.IsBilled(p.Remittance.Practice, p.Claim.PatientControlNumber))
            .GroupBy(p => (p.Remittance.Practice.PracticeId, p.Claim.PatientControlNumber))
            .Select(g => g.First());
}
