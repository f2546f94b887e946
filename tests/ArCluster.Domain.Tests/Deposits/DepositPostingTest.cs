using ArCluster.Domain.Deposits;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Tests.Deposits;

/// <summary>A deposit in the ledger: one entry, under the deposit's own identity, that moves the cash lines and no one's balance.</summary>
public class DepositPostingTest
{
    private static readonly DateOnly Monday = new(2025, 3, 17);
    private static readonly DateTimeOffset Now = new(2025, 3, 18, 9, 0, 0, TimeSpan.Zero);

    private static BankDeposit Deposit(string method = "Ach", string? bankReference = "BAI-0042")
    {
        var violations = new Violations();
        var deposit = BankDepositRules.Check("riverside", Monday, 1250m, method, "0001EFT0001", "1512345678", "000123456789", bankReference, violations);
        Assert.Empty(violations.Items);
        return deposit!;
    }

    [Fact]
    public void A_deposit_posts_one_entry_under_its_own_identity_with_its_trace()
    {
        var deposit = Deposit();

        var posting = DepositPosting.Of(new PostingContext(deposit.PostingId, Now, "poster.jane"), deposit);

        var entry = Assert.Single(posting.Entries);
        Assert.Equal((deposit.PostingId, 1L, Now, "poster.jane", deposit), (posting.PostingId, posting.Version, posting.PostedAt, posting.PostedBy, posting.Deposit));
        Assert.Equal(($"{deposit.PostingId.Value}/1", EntryKind.Deposit, Money.Of(1250m), Monday), (entry.EntryId, entry.Kind, entry.Amount, entry.EffectiveDate));
        Assert.Equal(("1EFT0001", (string?)"1512345678"), (entry.Reference, entry.PayerId));
        Assert.Equal("Ach bank ref BAI-0042", entry.Memo);
    }

    [Fact]
    public void Without_a_bank_reference_the_memo_is_just_the_method()
    {
        var deposit = Deposit(method: "check", bankReference: null);

        var entry = Assert.Single(DepositPosting.Of(new PostingContext(deposit.PostingId, Now, "poster.jane"), deposit).Entries);

        Assert.Equal("Check", entry.Memo);
    }

    [Fact]
    public void A_deposit_changes_no_ones_balance_and_counts_as_cash_on_its_deposit_date()
    {
        var deposit = Deposit();
        var entry = Assert.Single(DepositPosting.Of(new PostingContext(deposit.PostingId, Now, "poster.jane"), deposit).Entries);

        Assert.All(Enum.GetValues<ResponsibleParty>(), party => Assert.Equal(Money.Zero, entry.EffectOn(party)));
        var (line, amount) = Assert.Single(ReconciliationTotals.Contributions(entry));
        Assert.Equal((Monday, TotalCategory.Deposits, Money.Of(1250m)), (line.Day, line.Category, amount));
        Assert.True(Reassociation.Concerns(entry));
    }
}
