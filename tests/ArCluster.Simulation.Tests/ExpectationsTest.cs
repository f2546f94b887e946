using ArCluster.X12.Remittance;

namespace ArCluster.Simulation.Tests;

[Collection(SmallRunGroup.Name)]
public sealed class ExpectationsTest(SmallRun small)
{
    private readonly GeneratedRun _run = small.Run;

    [Fact]
    public void Charges_and_claims_equal_what_the_claim_files_hold()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var expected = _run.Expected.For(practice.PracticeId);
            var claims = _run.Claims[practice.PracticeId];
            Assert.Equal(claims.Count, expected.Claims);
            Assert.Equal(claims.Sum(c => c.Lines.Length), expected.ServiceLines);
            Assert.Equal(claims.Sum(c => c.Lines.Sum(l => l.Charge)), expected.Charges);
            Assert.Equal(claims.Count(c => c.Primary is null), expected.SelfPayClaims);
            Assert.Equal(claims.Where(c => c.Primary is null).Sum(c => c.Lines.Sum(l => l.Charge)), expected.SelfPayCharges);
            Assert.Equal(_run.Accounts[practice.PracticeId].Count, expected.Accounts);
        }
    }

    [Fact]
    public void Payments_and_adjustments_equal_the_sums_recomputed_from_the_835s()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var expected = _run.Expected.For(practice.PracticeId);
            var remittances = _run.Remittances.Where(r => r.Practice == practice).ToList();
            var payments = remittances.SelectMany(r => r.Advice.Claims).ToList();
            var billed = payments.Where(c => _run.IsBilled(practice, c.PatientControlNumber)).ToList();
            var plb = remittances.SelectMany(r => r.Advice.ProviderAdjustments.SelectMany(p => p.Items)).ToList();

            Assert.Equal(remittances.Count, expected.RemittanceTransactions);
            Assert.Equal(remittances.Count(r => r.Advice.PaymentMethod == "ACH"), expected.EftTransactions);
            Assert.Equal(remittances.Count(r => r.Advice.PaymentMethod == "CHK"), expected.CheckTransactions);
            Assert.Equal(remittances.Count(r => r.Advice.PaymentMethod == "NON"), expected.NoPaymentTransactions);
            Assert.Equal(remittances.Sum(r => r.Advice.TotalActualPayment), expected.RemittanceTotal);
            Assert.Equal(billed.Sum(c => c.PaymentAmount), expected.PayerPayments);
            Assert.Equal(billed.Where(c => c.StatusCode == "2").Sum(c => c.PaymentAmount), expected.SecondaryPayments);
            Assert.Equal(payments.Except(billed).Sum(c => c.PaymentAmount), expected.UnappliedPayments);
            Assert.Equal(Adjusted(billed, a => a.Group == "CO"), expected.ContractualAdjustments);
            Assert.Equal(Adjusted(billed, a => a.Group == "PR"), expected.PatientResponsibility);
            Assert.Equal(Adjusted(billed.Where(c => c.StatusCode == "2"), a => a is { Group: "OA", Reason: "23" }), expected.PriorPayerAdjustments);
            Assert.Equal(plb.Sum(i => i.Amount), expected.ProviderAdjustments);

            // BPR02 = ΣCLP04 − ΣPLB over the practice's remittances, so the totals agree too.
            Assert.Equal(expected.PayerPayments + expected.UnappliedPayments - expected.ProviderAdjustments, expected.RemittanceTotal);
        }
    }

    [Fact]
    public void Patients_owe_their_self_pay_charges_and_the_share_payers_left_them()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var expected = _run.Expected.For(practice.PracticeId);
            var leftToPatients = _run.ClaimPayments
                .Where(p => p.Remittance.Practice == practice && _run.IsBilled(practice, p.Claim.PatientControlNumber) && p.Claim.StatusCode != "19")
                .Sum(p => Adjusted([p.Claim], a => a.Group == "PR"));

            Assert.Equal(expected.SelfPayCharges + leftToPatients, expected.PatientBalance);
        }
    }

    [Fact]
    public void Deposit_totals_equal_the_bank_reports()
    {
        foreach (var practice in _run.Simulation.Practices)
        {
            var expected = _run.Expected.For(practice.PracticeId);
            var deposits = Reassociate.DepositsOf(_run, practice).ToList();
            Assert.Equal(deposits.Count, expected.Deposits);
            Assert.Equal(deposits.Sum(d => d.Amount), expected.DepositTotal);
        }
    }

    [Fact]
    public void Payer_figures_add_up_to_their_practice_and_practices_to_the_company()
    {
        foreach (var practice in _run.Expected.Practices)
        {
            Assert.Equal(practice.PayerPayments, practice.Payers.Sum(p => p.Payments));
            Assert.Equal(practice.RemittanceTotal, practice.Payers.Sum(p => p.RemittanceTotal));
            Assert.Equal(practice.ClaimsAdjudicated, practice.Payers.Sum(p => p.ClaimsAdjudicated));
            Assert.Equal(practice.ClaimsDenied, practice.Payers.Sum(p => p.ClaimsDenied));
        }

        var total = _run.Expected.Total;
        Assert.Equal(_run.Expected.Practices.Sum(p => p.RemittanceTotal), total.RemittanceTotal);
        Assert.Equal(_run.Expected.Practices.Sum(p => p.DepositTotal), total.DepositTotal);
        Assert.Equal(_run.Expected.Practices.Sum(p => p.Claims), total.Claims);
        Assert.Equal(_run.Remittances.Sum(r => r.Advice.TotalActualPayment), total.RemittanceTotal);
    }

    [Fact]
    public void The_written_expectations_file_holds_the_same_figures()
    {
        var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_run.Files.ExpectationsFile));
        var total = _run.Expected.Total;
        var practices = written.RootElement.GetProperty("practices");

        Assert.Equal(_run.Expected.Practices.Length, practices.GetArrayLength());
        Assert.Equal(total.RemittanceTotal, practices.EnumerateArray().Sum(p => p.GetProperty("remittanceTotal").GetDecimal()));
        Assert.Equal(total.DepositTotal, practices.EnumerateArray().Sum(p => p.GetProperty("depositTotal").GetDecimal()));
    }

    private static decimal Adjusted(IEnumerable<ClaimPayment> claims, Func<ClaimAdjustment, bool> which) =>
        claims.Sum(c => c.Adjustments.Where(which).Sum(a => a.Amount) + c.Services.Sum(s => s.Adjustments.Where(which).Sum(a => a.Amount)));
}
