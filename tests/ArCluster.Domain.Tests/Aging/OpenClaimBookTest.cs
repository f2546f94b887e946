using System.Collections.Immutable;
using ArCluster.Domain.Aging;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Tests.Aging;

public class OpenClaimBookTest
{
    private static readonly DateOnly Visit = new(2026, 3, 2);

    private static readonly ClaimFacts Facts = new("C1", "A1", Visit, Visit.AddDays(1), ArAgingTest.Commercial, ArAgingTest.Medicaid);

    private static readonly ImmutableDictionary<string, ClaimFacts> NewClaim = ImmutableDictionary<string, ClaimFacts>.Empty.Add("C1", Facts);

    [Fact]
    public void A_claim_met_for_the_first_time_opens_from_its_facts_and_a_preview_changes_nothing_until_set()
    {
        var book = new OpenClaimBook();

        var changes = book.Preview([OnClaim(Charge("c/1", 150.00m))], NewClaim);

        Assert.Equal(0, book.Count);
        var claim = Assert.Single(changes.Claims);
        Assert.Equal((Facts.AccountId, Facts.FirstServiceDate, Facts.BilledOn, Facts.PrimaryPayerId, Facts.SecondaryPayerId),
            (claim.AccountId, claim.FirstServiceDate, claim.BilledOn, claim.PrimaryPayerId, claim.SecondaryPayerId));
        Assert.Equal(new PartyBalances(Money.Of(150.00m), Money.Zero, Money.Zero), claim.Balances);
        book.Set(changes);
        Assert.Equal(claim, Assert.Single(book.Claims));
    }

    [Fact]
    public void A_claim_paid_to_zero_leaves_the_book_and_one_reopened_by_a_reversal_needs_its_facts_again()
    {
        var book = new OpenClaimBook();
        book.Set(book.Preview([OnClaim(Charge("c/1", 100.00m))], NewClaim));
        var payment = new LedgerEntry("p/1", EntryKind.PayerPayment, Money.Of(80.00m), ResponsibleParty.Primary, Visit.AddDays(20)) { PayerId = ArAgingTest.Commercial };
        var writeOff = new LedgerEntry("p/2", EntryKind.Adjustment, Money.Of(20.00m), ResponsibleParty.Primary, Visit.AddDays(20)) { Group = AdjustmentGroup.CO };

        book.Set(book.Preview([OnClaim(payment), OnClaim(writeOff)], ImmutableDictionary<string, ClaimFacts>.Empty));

        Assert.Equal(0, book.Count);
        Assert.False(book.Contains("C1"));
        Assert.Throws<InvalidOperationException>(() => book.Preview([OnClaim(payment.ReversedBy("r/1", Visit.AddDays(30), null))], ImmutableDictionary<string, ClaimFacts>.Empty));
        book.Set(book.Preview([OnClaim(payment.ReversedBy("r/1", Visit.AddDays(30), null))], NewClaim));
        Assert.Equal(Money.Of(80.00m), Assert.Single(book.Claims).Balances.Primary);
    }

    [Fact]
    public void A_transfer_moves_the_balance_between_parties_and_keeps_the_claims_total()
    {
        var book = new OpenClaimBook();
        book.Set(book.Preview([OnClaim(Charge("c/1", 100.00m))], NewClaim));
        var toSecondary = new LedgerEntry("t/1", EntryKind.Transfer, Money.Of(30.00m), ResponsibleParty.Primary, Visit) { ToParty = ResponsibleParty.Secondary };

        book.Set(book.Preview([OnClaim(toSecondary)], NewClaim));

        Assert.Equal(new PartyBalances(Money.Of(70.00m), Money.Of(30.00m), Money.Zero), Assert.Single(book.Claims).Balances);
    }

    [Fact]
    public void Patient_money_on_no_claim_is_the_accounts_unapplied_credit_and_a_refund_takes_it_back()
    {
        var book = new OpenClaimBook();
        var payment = new LedgerEntry("pay/1", EntryKind.PatientPayment, Money.Of(40.00m), ResponsibleParty.Patient, Visit);
        var refund = new LedgerEntry("ref/1", EntryKind.Refund, Money.Of(40.00m), ResponsibleParty.Patient, Visit);

        book.Set(book.Preview([new AgingEntry(null, "A7", payment)], NewClaim));
        Assert.Equal(Money.Of(-40.00m), book.UnappliedPatientCredit);
        book.Set(book.Preview([new AgingEntry(null, "A7", refund)], NewClaim));

        Assert.Equal(Money.Zero, book.UnappliedPatientCredit);
        Assert.Empty(book.Credits);
    }

    [Fact]
    public void Entries_that_move_no_balance_never_need_their_claim()
    {
        var book = new OpenClaimBook();
        var plb = new LedgerEntry("plb/1", EntryKind.ProviderAdjustment, Money.Of(5.00m), ResponsibleParty.Primary, Visit);

        var changes = book.Preview([new AgingEntry("NOT-ON-FILE", null, plb)], ImmutableDictionary<string, ClaimFacts>.Empty);

        Assert.True(changes.IsEmpty);
    }

    private static AgingEntry OnClaim(LedgerEntry entry) => new("C1", "A1", entry);

    private static LedgerEntry Charge(string id, decimal amount) => new(id, EntryKind.Charge, Money.Of(amount), ResponsibleParty.Primary, Visit) { LineNumber = 1 };
}
