using ArCluster.Domain.Codes;
using ArCluster.X12.Remittance;

namespace ArCluster.Simulation.Tests;

[Collection(SmallRunGroup.Name)]
public sealed class RemittanceFilesTest(SmallRun small)
{
    private readonly GeneratedRun _run = small.Run;

    [Fact]
    public void Every_835_is_accepted_by_the_X12_reader_and_balances()
    {
        Assert.NotEmpty(_run.Results);
        Assert.All(_run.Results, r => Assert.True(r.Result.IsAccepted, $"{r.Path}: {(r.Result as RejectedRemittance)?.Describe()}"));
        Assert.Equal(_run.Expected.RemittanceFiles, _run.Files.Remittances.Length);
        Assert.Equal(_run.Expected.Total.RemittanceTransactions, _run.Remittances.Count);
    }

    [Fact]
    public void One_file_per_payer_and_payment_day_with_a_transaction_per_practice_paid()
    {
        foreach (var file in _run.Remittances.GroupBy(r => r.Path))
        {
            Assert.Single(file.Select(r => r.PayerId).Distinct());
            Assert.All(file, r => Assert.Equal(r.FileDay, r.Advice.PaymentDate));
            Assert.Equal(file.Count(), file.Select(r => r.Practice.PracticeId).Distinct().Count());
        }

        Assert.Equal(_run.Files.Remittances.Order(StringComparer.Ordinal), _run.Files.Remittances);
    }

    [Fact]
    public void Trace_numbers_are_unique_per_payer_and_the_method_follows_the_payment()
    {
        Assert.Equal(_run.Remittances.Count, _run.Remittances.Select(r => (r.PayerId, r.Advice.TraceNumber)).Distinct().Count());
        foreach (var remittance in _run.Remittances)
        {
            var advice = remittance.Advice;
            Assert.Equal("C", advice.CreditDebitFlag);
            Assert.Equal(advice.TotalActualPayment == 0m, advice.PaymentMethod == "NON");
            Assert.Contains(advice.PaymentMethod, (string[])["ACH", "CHK", "NON"]);
            Assert.Equal("1", advice.OriginatingCompanyId[..1]);
            Assert.Equal(10, advice.OriginatingCompanyId.Length);
            Assert.Equal(remittance.Practice.TaxId.Replace("-", "", StringComparison.Ordinal), advice.Payee.TaxId);
            Assert.Contains(remittance.PayerId, remittance.Practice.Registration.Payers.Select(p => p.PayerId));
        }
    }

    [Fact]
    public void Every_claim_payment_is_for_a_claim_billed_to_that_practice_except_the_few_left_unapplied_on_purpose()
    {
        var unknown = _run.ClaimPayments.Where(p => !_run.IsBilled(p.Remittance.Practice, p.Claim.PatientControlNumber)).ToList();

        Assert.Equal(_run.Expected.Total.UnknownClaimPayments, unknown.Count);
        Assert.All(unknown, p => Assert.Contains("-2025-", p.Claim.PatientControlNumber, StringComparison.Ordinal));
        Assert.True(unknown.Count < _run.ClaimPayments.Count() / 100, $"{unknown.Count} unknown claim payments is more than a few");
    }

    [Fact]
    public void Service_lines_echo_the_billed_line_its_control_number_code_modifiers_date_and_charge()
    {
        foreach (var (remittance, payment) in _run.ClaimPayments.Where(p => _run.IsBilled(p.Remittance.Practice, p.Claim.PatientControlNumber)))
        {
            var claim = _run.ClaimOf(remittance.Practice, payment.PatientControlNumber);
            foreach (var service in payment.Services)
            {
                var line = claim.Lines.Single(l => l.LineControlNumber == service.LineItemControlNumber);
                Assert.Equal(line.Code, service.Procedure.Code);
                Assert.Equal(line.Modifiers.AsEnumerable(), service.Procedure.Modifiers.AsEnumerable());
                Assert.Equal(line.Units, service.Units);
                Assert.Equal(line.ServiceDate, service.ServiceDate);
                Assert.Equal(payment.IsReversal ? -line.Charge : line.Charge, service.ChargeAmount);
            }
        }
    }

    [Fact]
    public void A_claims_first_adjudication_charges_what_the_claim_charged()
    {
        foreach (var claims in _run.ClaimPayments.Where(p => _run.IsBilled(p.Remittance.Practice, p.Claim.PatientControlNumber))
            .GroupBy(p => (p.Remittance.Practice.PracticeId, p.Claim.PatientControlNumber)))
        {
            var first = claims.First();
            var claim = _run.ClaimOf(first.Remittance.Practice, first.Claim.PatientControlNumber);
            var charged = claim.Lines.Sum(l => l.Charge);

            // A split payment charges each remittance for its own lines; together, the claim.
            var primary = claims.Where(c => c.Remittance.PayerId == claim.Primary!.PayerId && c.Claim.StatusCode is "1" or "4" or "19").ToList();
            var firstAdjudication = _run.OutcomeOf(first.Remittance.Practice, claim.ClaimId).Split ? primary.Take(2) : primary.Take(1);
            Assert.Equal(charged, firstAdjudication.Sum(c => c.Claim.ChargeAmount));
            Assert.All(claims.Where(c => c.Claim.StatusCode == "2"), c => Assert.Equal(charged, c.Claim.ChargeAmount));
        }
    }

    [Fact]
    public void Codes_in_the_835_are_valid_CARC_RARC_and_procedure_codes()
    {
        foreach (var (_, payment) in _run.ClaimPayments)
        {
            Assert.All(payment.RemarkCodes, r => Assert.True(RemarkCode.TryParse(r, out _, out var error), error));
            foreach (var service in payment.Services)
            {
                Assert.True(Domain.Codes.ProcedureCode.TryParse(service.Procedure.Code, out _, out var error), error);
                Assert.All(service.Adjustments, a => Assert.True(AdjustmentReason.TryParse(a.Reason, out _, out var reasonError), reasonError));
                Assert.All(service.Adjustments, a => Assert.Contains(a.Group, (string[])["CO", "PR", "OA"]));
                Assert.All(service.RemarkCodes, r => Assert.True(RemarkCode.TryParse(r, out _, out var remarkError), remarkError));
            }
        }
    }

    [Fact]
    public void Payers_pay_ten_to_thirty_days_after_service_on_their_payment_days_unless_late()
    {
        foreach (var claims in _run.ClaimPayments.Where(p => _run.IsBilled(p.Remittance.Practice, p.Claim.PatientControlNumber))
            .GroupBy(p => (p.Remittance.Practice, p.Claim.PatientControlNumber)))
        {
            var (remittance, first) = claims.First();
            var days = remittance.Advice.PaymentDate.DayNumber - first.Services[0].ServiceDate!.Value.DayNumber;
            var outcome = _run.OutcomeOf(claims.Key.Practice, claims.Key.PatientControlNumber);
            Assert.Equal(outcome.PaymentDate, remittance.Advice.PaymentDate);

            // The lag is 10 to 30 days, then the payer's next payment day: Medi-Cal pays weekly, none on holidays.
            Assert.InRange(days, outcome.Late ? 45 : 10, outcome.Late ? 90 : 40);
        }
    }
}
