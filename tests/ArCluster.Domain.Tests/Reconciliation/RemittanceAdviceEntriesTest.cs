using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using ArCluster.Domain.Remittances;
using static ArCluster.Domain.Tests.Reconciliation.CashEntries;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Reconciliation;

/// <summary>What an 835 records against itself for cash reconciliation: the payment it announces, then its PLB items.</summary>
public class RemittanceAdviceEntriesTest
{
    private static readonly PayerId MedicarePayer = PayerId.TryParse(Medicare, out var id, out _) ? id : default;

    private static RemittanceTransaction Transaction(decimal bpr02, params ProviderAdjustmentItem[] plb) =>
        new(MedicarePayer, "1EFT0001", Usd(bpr02), Monday, [], [.. plb]);

    [Fact]
    public void The_first_entry_is_the_advice_of_BPR02_under_the_trace_number_from_the_payer()
    {
        var posting = RemittancePosting.Of(Context("era-00431-1EFT0001"), Transaction(1235m), "ACH", _ => null);

        var advice = posting.Entries[0];
        Assert.Equal(("era-00431-1EFT0001/1", EntryKind.RemittanceAdvice, Usd(1235m)), (advice.EntryId, advice.Kind, advice.Amount));
        Assert.Equal((Medicare, "1EFT0001", Monday), (advice.PayerId, advice.Reference, advice.EffectiveDate));
        Assert.Equal("BPR04 ACH", advice.Memo);
        Assert.Null(advice.RelatedClaim);
        Assert.All(Enum.GetValues<ResponsibleParty>(), party => Assert.Equal(Money.Zero, advice.EffectOn(party)));
        Assert.Equal((PostingIdOf("era-00431-1EFT0001"), 1L, Now, "poster.jane"), (posting.PostingId, posting.Version, posting.PostedAt, posting.PostedBy));
    }

    [Fact]
    public void PLB_items_follow_the_advice_in_order_with_the_claim_their_reference_names()
    {
        var posting = RemittancePosting.Of(
            Context("ERA-1"),
            Transaction(1235m, new ProviderAdjustmentItem("WO", "C100", Usd(20m)), new ProviderAdjustmentItem("L6", null, Usd(-5m)), new ProviderAdjustmentItem("FB", "UNKNOWN", Usd(1m))),
            "ACH",
            reference => reference == "C100" ? "C100" : null);

        Assert.Equal(4, posting.Entries.Length);
        Assert.Equal(
            [
                ("ERA-1/2", EntryKind.ProviderAdjustment, 20m, "PLB WO C100", (string?)"C100"),
                ("ERA-1/3", EntryKind.ProviderAdjustment, -5m, "PLB L6", null),
                ("ERA-1/4", EntryKind.ProviderAdjustment, 1m, "PLB FB UNKNOWN", null),
            ],
            posting.Entries.Skip(1).Select(e => (e.EntryId, e.Kind, e.Amount.Amount, e.Memo!, e.RelatedClaim)));
        Assert.All(posting.Entries.Skip(1), e => Assert.Equal((Medicare, Monday, (string?)null), (e.PayerId, e.EffectiveDate, e.Reference)));
    }

    [Fact]
    public void A_zero_payment_835_still_records_its_advice_so_reassociation_sees_it_as_matched()
    {
        var posting = RemittancePosting.Of(Context("ERA-NON"), Transaction(0m), "NON", _ => null);

        var advice = Assert.Single(posting.Entries);
        Assert.Equal((EntryKind.RemittanceAdvice, Money.Zero, "BPR04 NON"), (advice.Kind, advice.Amount, advice.Memo));
        var reassociation = new Reassociation();
        reassociation.Apply(advice);
        Assert.Equal(ReassociationStatus.Matched, Assert.Single(reassociation.Matches()).Status);
    }

    [Fact]
    public void An_835_and_its_EFT_deposit_reassociate_through_the_advice_entry()
    {
        var posting = RemittancePosting.Of(Context("ERA-1"), Transaction(1235m, new ProviderAdjustmentItem("WO", null, Usd(15m))), "ACH", _ => null);
        var reassociation = new Reassociation();

        foreach (var entry in posting.Entries.Append(Deposit("D/1", "1eft0001", 1235m, payer: null, day: Monday.AddDays(1))))
        {
            reassociation.Apply(entry);
        }

        var match = Assert.Single(reassociation.Matches());
        Assert.Equal((ReassociationStatus.Matched, Usd(1235m)), (match.Status, match.RemittanceAmount));
    }
}
