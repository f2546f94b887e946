using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using static ArCluster.Domain.Tests.Reconciliation.CashEntries;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Reconciliation;

/// <summary>Matching each 835's payment with the money that reached the bank under the same trace or check number.</summary>
public class ReassociationTest
{
    private static Reassociation Of(params LedgerEntry[] entries)
    {
        var reassociation = new Reassociation();
        foreach (var entry in entries)
        {
            reassociation.Apply(entry);
        }

        return reassociation;
    }

    [Fact]
    public void An_EFT_for_exactly_what_the_835_announced_is_matched()
    {
        var match = Assert.Single(Of(Advice("R/1", "1EFT0001", 1250m), Deposit("D/1", "1EFT0001", 1250m, day: Monday.AddDays(1))).Matches());

        Assert.Equal(ReassociationStatus.Matched, match.Status);
        Assert.Equal("1EFT0001", match.Reference);
        Assert.Equal((Usd(1250m), Usd(1250m), Money.Zero), (match.RemittanceAmount, match.DepositAmount, match.Difference));
        Assert.Equal("R/1", Assert.Single(match.Remittances).EntryId);
        Assert.Equal("D/1", Assert.Single(match.Deposits).EntryId);
    }

    [Theory]
    [InlineData(1240.00, -10.00)]
    [InlineData(1250.01, 0.01)]
    public void A_deposit_for_another_amount_is_a_mismatch_with_the_difference_deposited_less_announced(decimal deposited, decimal difference)
    {
        var match = Assert.Single(Of(Advice("R/1", "1EFT0001", 1250m), Deposit("D/1", "1EFT0001", deposited)).Matches());

        Assert.Equal(ReassociationStatus.AmountMismatch, match.Status);
        Assert.Equal(Usd(difference), match.Difference);
    }

    [Fact]
    public void An_835_whose_money_has_not_arrived_waits_for_its_deposit()
    {
        var match = Assert.Single(Of(Advice("R/1", "1EFT0001", 1250m)).Matches());

        Assert.Equal(ReassociationStatus.RemittanceWithoutDeposit, match.Status);
        Assert.Equal((Usd(1250m), Money.Zero, Usd(-1250m)), (match.RemittanceAmount, match.DepositAmount, match.Difference));
        Assert.Empty(match.Deposits);
    }

    [Fact]
    public void Money_with_no_835_to_explain_it_is_a_deposit_without_remittance()
    {
        var match = Assert.Single(Of(Deposit("D/1", "CHK-5521", 80m, payer: null)).Matches());

        Assert.Equal(ReassociationStatus.DepositWithoutRemittance, match.Status);
        Assert.Equal((Money.Zero, Usd(80m), Usd(80m)), (match.RemittanceAmount, match.DepositAmount, match.Difference));
        Assert.Empty(match.Remittances);
    }

    [Fact]
    public void A_zero_payment_835_needs_no_deposit_to_be_matched()
    {
        // BPR04 NON: the 835 reports denials or offsets and no money moves.
        var match = Assert.Single(Of(Advice("R/1", "NON-2025-0317", 0m) with { Memo = "BPR04 NON" }).Matches());

        Assert.Equal(ReassociationStatus.Matched, match.Status);
        Assert.Equal(Money.Zero, match.Difference);
    }

    [Theory]
    [InlineData("000123", "123")]
    [InlineData(" 123 ", "123")]
    [InlineData("eft-9a", "EFT-9A")]
    [InlineData("0000EFT77 ", "eft77")]
    public void Two_spellings_of_one_trace_number_are_one_reference(string onTheAdvice, string atTheBank)
    {
        var match = Assert.Single(Of(Advice("R/1", onTheAdvice, 500m), Deposit("D/1", atTheBank, 500m)).Matches());

        Assert.Equal(ReassociationStatus.Matched, match.Status);
        Assert.Equal(Reassociation.Normalize(atTheBank), match.Reference);
    }

    [Theory]
    [InlineData("000123 ", "123")]
    [InlineData("abc", "ABC")]
    [InlineData("000", "0")]
    [InlineData("0", "0")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void A_reference_is_compared_without_case_surrounding_spaces_or_leading_zeros(string reference, string key)
    {
        Assert.Equal(key, Reassociation.Normalize(reference));
    }

    [Fact]
    public void A_returned_deposit_drops_out_and_the_835_waits_again()
    {
        var deposit = Deposit("D/1", "1EFT0001", 1250m);

        var match = Assert.Single(Of(Advice("R/1", "1EFT0001", 1250m), deposit, deposit.ReversedBy("D-RETURN/1", Monday.AddDays(2), "returned item")).Matches());

        Assert.Equal(ReassociationStatus.RemittanceWithoutDeposit, match.Status);
        Assert.Empty(match.Deposits);
    }

    [Fact]
    public void A_reversed_835_payment_leaves_its_deposit_unexplained()
    {
        var advice = Advice("R/1", "1EFT0001", 1250m);

        var match = Assert.Single(Of(advice, Deposit("D/1", "1EFT0001", 1250m), advice.ReversedBy("R-VOID/1", Monday, null)).Matches());

        Assert.Equal(ReassociationStatus.DepositWithoutRemittance, match.Status);
    }

    [Fact]
    public void A_reference_whose_only_items_were_reversed_is_gone()
    {
        var deposit = Deposit("D/1", "CHK-1", 10m);

        Assert.Empty(Of(deposit, deposit.ReversedBy("D/2", Monday, null)).Matches());
    }

    [Fact]
    public void Several_835s_under_one_trace_are_summed_against_the_one_EFT()
    {
        var match = Assert.Single(Of(
            Advice("R-B/1", "1EFT0001", 400m, day: Monday.AddDays(1)),
            Advice("R-A/1", "1EFT0001", 600m, day: Monday.AddDays(1)),
            Advice("R-C/1", "1EFT0001", 250m, day: Monday),
            Deposit("D/1", "1EFT0001", 1250m)).Matches());

        Assert.Equal(ReassociationStatus.Matched, match.Status);
        Assert.Equal(Usd(1250m), match.RemittanceAmount);
        Assert.Equal(["R-C/1", "R-A/1", "R-B/1"], match.Remittances.Select(r => r.EntryId));
    }

    [Fact]
    public void Two_deposits_under_one_trace_are_summed_too()
    {
        var match = Assert.Single(Of(Advice("R/1", "CHK-9", 100m), Deposit("D/1", "CHK-9", 60m), Deposit("D/2", "CHK-9", 40m)).Matches());

        Assert.Equal(ReassociationStatus.Matched, match.Status);
        Assert.Equal(2, match.Deposits.Length);
    }

    [Fact]
    public void Claim_postings_are_no_concern_of_reassociation()
    {
        var payment = Entry("P/1", EntryKind.PayerPayment, 1250m) with { Reference = "1EFT0001" };
        var plb = Entry("L/1", EntryKind.ProviderAdjustment, 20m) with { Reference = "1EFT0001" };
        var adjustment = Adjustment("A/1", AdjustmentGroup.CO, 5m);

        Assert.False(Reassociation.Concerns(payment));
        Assert.False(Reassociation.Concerns(payment.ReversedBy("P/2", Monday, null)));
        Assert.True(Reassociation.Concerns(Deposit("D/1", "X", 1m).ReversedBy("D/2", Monday, null)));
        Assert.Empty(Of(payment, plb, adjustment, payment.ReversedBy("P/2", Monday, null)).Matches());
    }

    [Fact]
    public void Each_reference_is_listed_once_in_reference_order_with_its_own_status()
    {
        var matches = Of(
            Advice("R/3", "300", 30m),
            Deposit("D/1", "100", 10m),
            Advice("R/1", "100", 10m),
            Advice("R/2", "200", 20m),
            Deposit("D/2", "200", 25m),
            Deposit("D/4", "400", 40m)).Matches();

        Assert.Equal(
            [
                ("100", ReassociationStatus.Matched),
                ("200", ReassociationStatus.AmountMismatch),
                ("300", ReassociationStatus.RemittanceWithoutDeposit),
                ("400", ReassociationStatus.DepositWithoutRemittance),
            ],
            matches.Select(m => (m.Reference, m.Status)));
    }

    [Fact]
    public void An_advice_and_a_deposit_arriving_again_are_counted_once()
    {
        var advice = Advice("R/1", "1EFT0001", 1250m);
        var deposit = Deposit("D/1", "1EFT0001", 1250m);

        var match = Assert.Single(Of(advice, deposit, advice, deposit).Matches());

        Assert.Equal(ReassociationStatus.Matched, match.Status);
        Assert.Equal(Usd(1250m), match.DepositAmount);
    }
}
