using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Remittances;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Remittances;

public class RemittancePostingTest
{
    private static readonly PayerId Payer = ParsePayer(Medicare);

    [Fact]
    public void A_claim_level_reduction_is_paid_at_claim_level_so_the_payment_equals_CLP04()
    {
        var claim = new ClaimBuilder().Line(800m, "99211").Open();
        var era = Remit(ClaimPaymentStatus.ProcessedAsPrimary, 800m, 450m, [Cas(AdjustmentGroup.CO, "A2", 50m)],
            Service("99211", 800m, 500m, Cas(AdjustmentGroup.PR, "1", 300m)));

        claim.Post(claim.PostRemittance(Context("ERA-1"), Payer, Today, era));

        Assert.Equal(450m, claim.Totals.PayerPayments.Amount);
        Assert.Equal(new PartyBalances(Money.Zero, Money.Zero, Usd(300m)), claim.Balances);
        Assert.Equal(Usd(0m), claim.ClaimLevelBalance.Total);
    }

    [Fact]
    public void A_reversal_cancels_the_payment_it_repeats_and_nothing_else()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        claim.Post(claim.PostRemittance(Context("ERA-1"), Payer, Today, Remit(ClaimPaymentStatus.ProcessedAsPrimary, 200m, 150m, [],
            Service("99213", 200m, 150m, Cas(AdjustmentGroup.CO, "45", 50m)))));

        var reversal = claim.PostRemittance(Context("ERA-2"), Payer, Today, Remit(ClaimPaymentStatus.Reversal, -200m, -150m, [],
            Service("99213", -200m, -150m, Cas(AdjustmentGroup.CO, "45", -50m))));
        claim.Post(reversal);

        Assert.Equal(ClaimOperation.Reversal, reversal.Operation);
        Assert.Equal(Usd(200m), claim.Balances.Primary);
        Assert.Equal(Money.Zero, claim.Totals.PayerPayments);
    }

    [Fact]
    public void A_payer_known_only_by_its_trace_originator_can_still_reverse_and_correct_its_payment()
    {
        var claim = new ClaimBuilder().Line(200m).Open();
        var trnOnly = ParsePayer("1512345678");
        claim.Post(claim.PostRemittance(Context("ERA-1"), trnOnly, Today, Remit(ClaimPaymentStatus.ProcessedAsPrimary, 200m, 150m, [],
            Service("99213", 200m, 150m, Cas(AdjustmentGroup.CO, "45", 50m)))));

        claim.Post(claim.PostRemittance(Context("ERA-2"), trnOnly, Today, Remit(ClaimPaymentStatus.Reversal, -200m, -150m, [],
            Service("99213", -200m, -150m, Cas(AdjustmentGroup.CO, "45", -50m)))));
        claim.Post(claim.PostRemittance(Context("ERA-3"), trnOnly, Today, Remit(ClaimPaymentStatus.ProcessedAsPrimary, 200m, 170m, [],
            Service("99213", 200m, 170m, Cas(AdjustmentGroup.CO, "45", 30m)))));

        Assert.Equal(Usd(170m), claim.Totals.PayerPayments);
        Assert.Equal(PartyBalances.Zero, claim.Balances);
    }

    [Fact]
    public void A_denial_from_a_payer_known_only_by_its_trace_originator_is_recorded()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostRemittance(Context("ERA-1"), ParsePayer("1512345678"), Today, Remit(ClaimPaymentStatus.Denied, 200m, 0m, [],
            Service("99213", 200m, 0m, Cas(AdjustmentGroup.CO, "50", 200m)))));

        Assert.Equal(ClaimStatus.Denied, claim.Status);
    }

    [Fact]
    public void The_prior_payers_impact_on_a_secondary_remittance_is_not_adjusted_again()
    {
        var claim = new ClaimBuilder().WithSecondary().Line(100m).Open();
        claim.Post(claim.PostRemittance(Context("ERA-1"), Payer, Today, Remit(ClaimPaymentStatus.ProcessedAsPrimary, 100m, 60m, [],
            Service("99213", 100m, 60m, Cas(AdjustmentGroup.CO, "45", 20m), Cas(AdjustmentGroup.PR, "2", 20m)))));

        claim.Post(claim.PostRemittance(Context("ERA-2"), ParsePayer(Commercial), Today, Remit(ClaimPaymentStatus.ProcessedAsSecondary, 100m, 20m, [],
            Service("99213", 100m, 20m, Cas(AdjustmentGroup.OA, "23", 80m)))));

        Assert.Equal(PartyBalances.Zero, claim.Balances);
        Assert.Equal(ClaimStatus.Closed, claim.Status);
    }

    [Fact]
    public void Two_plans_of_one_payer_are_told_apart_by_how_the_payer_processed_the_claim()
    {
        var claim = new ClaimBuilder().WithSecondary(Medicare, "SECOND-PLAN").Line(100m).Open();
        claim.Post(claim.Transfer(Context("T-1"), new TransferCommand(ResponsibleParty.Primary, ResponsibleParty.Secondary, null, Usd(20m), Today, null)));

        claim.Post(claim.PostRemittance(Context("ERA-2"), Payer, Today, Remit(ClaimPaymentStatus.ProcessedAsSecondary, 20m, 20m, [],
            Service("99213", 20m, 20m))));

        Assert.Equal(new PartyBalances(Usd(80m), Money.Zero, Money.Zero), claim.Balances);
    }

    [Fact]
    public void A_claim_processed_at_zero_is_not_a_denial_and_closes()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        claim.Post(claim.PostRemittance(Context("ERA-1"), Payer, Today, Remit(ClaimPaymentStatus.ProcessedAsPrimary, 200m, 0m, [],
            Service("99213", 200m, 0m, Cas(AdjustmentGroup.CO, "45", 200m)))));

        Assert.Equal(ClaimStatus.Closed, claim.Status);
    }

    [Fact]
    public void A_reversal_of_a_payment_not_on_file_is_refused_with_the_amount()
    {
        var claim = new ClaimBuilder().Line(200m).Open();

        var error = Assert.Throws<RuleViolationException>(() => claim.PostRemittance(Context("ERA-2"), Payer, Today,
            Remit(ClaimPaymentStatus.Reversal, -200m, -150m, [])));

        Assert.Contains("no earlier payment of 150.00", Assert.Single(error.Violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payer_that_is_not_on_the_claim_is_refused()
    {
        var claim = new ClaimBuilder().SelfPay().Line(200m).Open();

        var error = Assert.Throws<RuleViolationException>(() => claim.PostRemittance(Context("ERA-1"), Payer, Today,
            Remit(ClaimPaymentStatus.ProcessedAsPrimary, 200m, 200m, [])));

        Assert.Equal("payer", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Services_match_lines_by_control_number_then_code_and_date_tolerating_dropped_modifiers_and_changed_codes()
    {
        var lines = new ClaimBuilder()
            .Line(100m, "99214", lineControlNumber: "LCN-A")
            .Line(50m, "93000")
            .Line(30m, "36415")
            .Details().Lines;
        var services = new[]
        {
            Service("93000", 50m, 40m) with { ServiceDate = lines[1].ServiceDate },
            Service("99999", 100m, 80m) with { LineControlNumber = "LCN-A" },
            Service("G0001", 30m, 10m) with { OriginalCode = Code("36415") },
            Service("80053", 10m, 5m),
        };

        var matches = ServiceLineMatcher.Match(lines, services);

        Assert.Equal([2, 1, 3, null], matches);
    }

    [Fact]
    public void An_unbalanced_service_claim_and_transaction_are_each_reported_with_the_difference()
    {
        var claim = Remit(ClaimPaymentStatus.ProcessedAsPrimary, 100m, 70m, [], Service("99213", 100m, 80m, Cas(AdjustmentGroup.CO, "45", 10m)));
        var transaction = new RemittanceTransaction(Payer, "T1", Usd(75m), Today, [claim], []);

        var violations = RemittanceBalancing.Check(transaction);

        Assert.Equal(["claims[0].services[0]", "claims[0]", "totalPayment"], violations.Select(v => v.Field));
        Assert.Contains("(off by -10.00)", violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("(off by -20.00)", violations[1].Message, StringComparison.Ordinal);
        Assert.Contains("(off by 5.00)", violations[2].Message, StringComparison.Ordinal);
    }

    private static RemittanceClaim Remit(ClaimPaymentStatus status, decimal charge, decimal paid, ImmutableArray<AdjustmentAmount> adjustments, params RemittanceService[] services) =>
        new(ClaimIdOf("C100"), status, Usd(charge), Usd(paid), null, "PCN", adjustments, [.. services], [], null);

    private static RemittanceService Service(string code, decimal charge, decimal paid, params AdjustmentAmount[] adjustments) =>
        new(Code(code), [], null, Usd(charge), Usd(paid), null, null, null, [.. adjustments], []);

    private static ProcedureCode Code(string raw) => ProcedureCode.TryParse(raw, out var code, out var error) ? code : throw new ArgumentException(error);

    private static ClaimId ClaimIdOf(string raw) => ClaimId.TryParse(raw, out var id, out var error) ? id : throw new ArgumentException(error);

    private static PayerId ParsePayer(string raw) => PayerId.TryParse(raw, out var id, out var error) ? id : throw new ArgumentException(error);
}
