using ArCluster.X12.Remittance;
using static ArCluster.X12.Tests.TestData.X12Text;

namespace ArCluster.X12.Tests;

/// <summary>Service, claim and transaction balancing: every failure names the segment, the figures and the difference.</summary>
public class BalancingTest
{
    private static RejectedRemittance Unbalanced(params (string Wrong, string Right)[] changes)
    {
        var body = ManagedCareBody;
        foreach (var (wrong, right) in changes)
        {
            Assert.Contains(wrong, body, StringComparison.Ordinal);
            body = body.Replace(wrong, right, StringComparison.Ordinal);
        }

        var rejected = Rejected(Assert.Single(Read(Interchange(body))));
        Assert.All(rejected.Errors, e => Assert.Equal(X12ErrorKind.Balancing, e.Kind));
        Assert.NotNull(rejected.ParsedAdvice);
        return rejected;
    }

    [Fact]
    public void The_managed_care_remittance_balances_at_every_level()
    {
        var advice = Accepted(Assert.Single(Read(Interchange(ManagedCareBody))));

        Assert.Empty(RemittanceValidator.Validate(advice));
        Assert.Equal(945.00m, advice.Claims.Sum(c => c.PaymentAmount));
    }

    [Fact]
    public void An_unbalanced_claim_is_rejected_with_the_difference()
    {
        var rejected = Unbalanced(("*800.00*450.00*", "*800.00*460.00*"), ("BPR*I*945.00*", "BPR*I*955.00*"));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal("claim 5554555444 (segment 13, CLP): charge 800.00 − adjustments 350.00 = 450.00, but paid is 460.00 (off by 10.00)", error.ToString());
        Assert.Equal((13L, "CLP", 4), (error.SegmentNumber, error.SegmentId, error.Element));
    }

    [Fact]
    public void An_unbalanced_service_line_is_rejected_with_the_difference()
    {
        var rejected = Unbalanced(("SVC*HC:99211*800.00*500.00~", "SVC*HC:99211*800.00*510.00~"));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal("service line 1 (HC:99211) of claim 5554555444 (segment 16, SVC): charge 800.00 − adjustments 300.00 = 500.00, but paid is 510.00 (off by 10.00)", error.ToString());
        Assert.Equal((16L, "SVC", 3), (error.SegmentNumber, error.SegmentId, error.Element));
    }

    [Fact]
    public void An_unbalanced_transaction_is_rejected_with_the_difference()
    {
        var rejected = Unbalanced(("BPR*I*945.00*", "BPR*I*950.00*"));

        Assert.Equal(
            "transaction 0001 (segment 4, BPR): claim payments 945.00 − provider adjustments 0.00 = 945.00, but the total payment BPR02 is 950.00 (off by 5.00)",
            Assert.Single(rejected.Errors).ToString());
    }

    [Fact]
    public void A_claim_without_service_lines_balances_on_its_own_adjustments()
    {
        var body = """
            BPR*I*90.00*C*CHK************20240105~
            TRN*1*CHK1001*1999999999~
            N1*PR*ACME HEALTH PLAN~
            N1*PE*SMALL CLINIC*XX*1234567893~
            CLP*C1*1*100.00*90.00*0*12*ICN1~
            CAS*CO*45*10.00~
            """;
        Accepted(Assert.Single(Read(Interchange(body))));

        var rejected = Rejected(Assert.Single(Read(Interchange(body.Replace("CAS*CO*45*10.00", "CAS*CO*45*12.00", StringComparison.Ordinal)))));

        Assert.Equal("claim C1 (segment 8, CLP): charge 100.00 − adjustments 12.00 = 88.00, but paid is 90.00 (off by 2.00)", rejected.Errors[0].ToString());
    }

    [Fact]
    public void Provider_adjustments_reduce_or_increase_the_payment()
    {
        var body = ManagedCareBody.Replace("BPR*I*945.00*", "BPR*I*905.00*", StringComparison.Ordinal)
            + "PLB*5544667733*20021231*WO:OVERPAY123*45.00*L6*-5.00~";

        var advice = Accepted(Assert.Single(Read(Interchange(body))));

        Assert.Equal(905.00m, advice.TotalActualPayment);
        Assert.Equal(40.00m, advice.ProviderAdjustments.SelectMany(p => p.Items).Sum(i => i.Amount));
    }

    [Fact]
    public void An_unbalanced_provider_adjustment_names_the_figures()
    {
        var body = ManagedCareBody + "PLB*5544667733*20021231*WO:OVERPAY123*45.00~";

        var rejected = Rejected(Assert.Single(Read(Interchange(body))));

        Assert.Equal(
            "transaction 0001 (segment 4, BPR): claim payments 945.00 − provider adjustments 45.00 = 900.00, but the total payment BPR02 is 945.00 (off by 45.00)",
            rejected.Errors.Single().ToString());
    }

    [Fact]
    public void A_debit_remittance_balances_to_a_negative_net()
    {
        var body = """
            BPR*H*25.00*D*NON************20240105~
            TRN*1*NOPAY1*1999999999~
            N1*PR*ACME HEALTH PLAN~
            N1*PE*SMALL CLINIC*XX*1234567893~
            PLB*1234567893*20241231*WO:ICN778*25.00~
            """;

        var advice = Accepted(Assert.Single(Read(Interchange(body))));

        Assert.Equal(-25.00m, advice.NetPayment);
        Assert.Empty(advice.Claims);
    }

    [Fact]
    public void A_reversal_and_its_correction_balance_with_negated_amounts()
    {
        var body = """
            BPR*I*20.00*C*ACH*CCP*01*999999999*DA*123456*1999999999**01*999999999*DA*654321*20240105~
            TRN*1*EFT555*1999999999~
            N1*PR*ACME HEALTH PLAN~
            N1*PE*SMALL CLINIC*XX*1234567893~
            LX*1~
            CLP*C7*22*-150.00*-100.00**12*ICN-ORIG~
            CAS*CO*45*-30.00~
            CAS*PR*2*-20.00~
            CLP*C7*1*150.00*120.00*10.00*12*ICN-NEW~
            CAS*CO*45*20.00~
            CAS*PR*2*10.00~
            """;

        var advice = Accepted(Assert.Single(Read(Interchange(body))));

        Assert.True(advice.Claims[0].IsReversal);
        Assert.Equal(20.00m, advice.Claims.Sum(c => c.PaymentAmount));
    }

    [Fact]
    public void All_balancing_failures_of_a_transaction_are_listed_together()
    {
        var rejected = Unbalanced(
            ("SVC*HC:99211*800.00*500.00~", "SVC*HC:99211*800.00*501.00~"),
            ("*1200.00*495.00*", "*1200.00*494.00*"));

        Assert.Equal(
            [
                "service line 1 (HC:99211) of claim 5554555444 (segment 16, SVC): charge 800.00 − adjustments 300.00 = 500.00, but paid is 501.00 (off by 1.00)",
                "claim 8765432112 (segment 20, CLP): charge 1200.00 − adjustments 705.00 = 495.00, but paid is 494.00 (off by -1.00)",
                "transaction 0001 (segment 4, BPR): claim payments 944.00 − provider adjustments 0.00 = 944.00, but the total payment BPR02 is 945.00 (off by 1.00)",
            ],
            rejected.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void One_bad_transaction_set_does_not_stop_the_good_one_beside_it()
    {
        var bad = ManagedCareBody.Replace("BPR*I*945.00*", "BPR*I*950.00*", StringComparison.Ordinal);

        var results = Read(Interchange(bad, ManagedCareBody));

        Assert.Equal(2, results.Count);
        Assert.Contains("off by 5.00", Rejected(results[0]).Errors.Single().Message, StringComparison.Ordinal);
        var posted = Accepted(results[1]);
        Assert.Equal(("0002", 945.00m), (posted.TransactionControlNumber, posted.TotalActualPayment));
    }
}
