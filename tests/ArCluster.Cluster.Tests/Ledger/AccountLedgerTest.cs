using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;

namespace ArCluster.Cluster.Tests.Ledger;

public class AccountLedgerTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    private static readonly DateOnly PaidOn = new(2026, 11, 2);

    [Fact]
    public async Task A_patient_payment_pays_the_oldest_balance_first_and_keeps_the_excess_as_credit()
    {
        var ledger = await SelfPayAccountWithTwoClaims("oldest-first");

        var payment = await ledger.Account("A1").ReceivePayment(Payment("P1", 400.00m), LedgerFixture.User);

        Assert.Equal("Settled", payment.State);
        Assert.Equal([("OLD", 170.00m), ("NEW", 170.00m)], payment.Applications.Select(a => (a.ClaimId, a.Amount)));
        Assert.Equal(60.00m, payment.Credit);
        var account = await ledger.Account("A1").Read();
        Assert.Equal((0m, 60.00m, -60.00m), (account.Claims.Sum(c => c.Balance.Patient), account.UnappliedCredit, account.PatientBalance));
        Assert.All(account.Claims, c => Assert.Equal("Closed", c.Status));
    }

    [Fact]
    public async Task A_partial_payment_stops_at_the_amount_paid()
    {
        var ledger = await SelfPayAccountWithTwoClaims("partial");

        var payment = await ledger.Account("A1").ReceivePayment(Payment("P1", 200.00m), LedgerFixture.User);

        Assert.Equal([("OLD", 170.00m), ("NEW", 30.00m)], payment.Applications.Select(a => (a.ClaimId, a.Amount)));
        var newer = await ledger.Claim("NEW").Read();
        Assert.Equal([90.00m, 30.00m, 20.00m], newer.Lines.Select(l => l.Balance.Patient));
        Assert.Equal(140.00m, newer.Balance.Patient);
    }

    [Fact]
    public async Task A_payment_for_one_claim_goes_only_to_that_claim()
    {
        var ledger = await SelfPayAccountWithTwoClaims("targeted");

        var payment = await ledger.Account("A1").ReceivePayment(Payment("P1", 50.00m) with { ClaimId = "NEW" }, LedgerFixture.User);

        Assert.Equal([("NEW", 50.00m)], payment.Applications.Select(a => (a.ClaimId, a.Amount)));
        Assert.Equal(170.00m, (await ledger.Claim("OLD").Read()).Balance.Patient);
    }

    [Fact]
    public async Task Resending_a_payment_applies_it_once_even_from_many_callers_at_once()
    {
        var ledger = await SelfPayAccountWithTwoClaims("resend-payment");
        var payment = Payment("P1", 100.00m);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ledger.Account("A1").ReceivePayment(payment, LedgerFixture.User)));
        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            ledger.Account("A1").ReceivePayment(payment with { Amount = 99.00m }, LedgerFixture.User));

        Assert.Single(results.Select(LedgerFixture.Json).Distinct());
        Assert.Equal(240.00m, (await ledger.Account("A1").Read()).PatientBalance);
        Assert.Contains("'P1' was already used", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credit_can_be_refunded_but_never_more_than_is_left()
    {
        var ledger = await SelfPayAccountWithTwoClaims("refund");
        await ledger.Account("A1").ReceivePayment(Payment("P1", 400.00m), LedgerFixture.User);

        var refund = await ledger.Account("A1").Refund(new RefundAccountCredit("R1", 45.00m, PaidOn, "refund by check 1001"), LedgerFixture.User);
        var tooMuch = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            ledger.Account("A1").Refund(new RefundAccountCredit("R2", 15.01m, PaidOn, null), LedgerFixture.User));

        Assert.Equal(LedgerEntryKind.Refund, Assert.Single(refund.Entries).Kind);
        Assert.Contains("15.01 is more than the account's unapplied credit of 15.00", tooMuch.Message, StringComparison.Ordinal);
        Assert.Equal(15.00m, (await ledger.Account("A1").Read()).UnappliedCredit);
    }

    [Fact]
    public async Task A_returned_check_is_taken_back_from_every_claim_and_from_the_credit()
    {
        var ledger = await SelfPayAccountWithTwoClaims("returned-check");
        await ledger.Account("A1").ReceivePayment(Payment("P1", 400.00m), LedgerFixture.User);

        var reversed = await ledger.Account("A1").ReversePayment(new ReversePatientPayment("NSF-1", "P1", new DateOnly(2026, 11, 9), "returned NSF"), LedgerFixture.User);

        Assert.Equal("Reversed", reversed.State);
        Assert.All(reversed.Applications, a => Assert.True(a.Reversed));
        var account = await ledger.Account("A1").Read();
        Assert.Equal((340.00m, 0m), (account.PatientBalance, account.UnappliedCredit));
        var claim = await ledger.Claim("OLD").Read();
        Assert.Equal(0m, claim.Totals.PatientPayments);
        Assert.Equal(["Open", "PatientPayment", "Reversal"], claim.History.Select(p => p.Operation));
        Assert.Equal("Ready", claim.Status);
    }

    [Fact]
    public async Task A_patient_payment_cannot_be_reversed_on_the_claim_behind_the_account_back()
    {
        var ledger = await SelfPayAccountWithTwoClaims("claim-side");
        await ledger.Account("A1").ReceivePayment(Payment("P1", 10.00m), LedgerFixture.User);
        var application = (await ledger.Claim("OLD").Read()).History[1].PostingId;

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            ledger.Claim("OLD").Reverse(new ReversePosting("REV-1", application, PaidOn, null), LedgerFixture.User));

        Assert.Contains("reverse the payment on account 'A1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_an_account_again_with_other_details_is_a_conflict()
    {
        var ledger = new LedgerFixture(cluster, "reopen");
        await ledger.RegisterPracticeAsync();
        var first = await ledger.OpenAccountAsync("A1");
        var again = await ledger.OpenAccountAsync("A1");

        var error = await Assert.ThrowsAsync<ConflictException>(() => ledger.Account("A1").Open(
            new NewAccount("reopen", "A1", new PersonInfo("Grace", "Hopper", null), null), LedgerFixture.User));

        Assert.Equal(first.Version, again.Version);
        Assert.Contains("already exists with different details", error.Message, StringComparison.Ordinal);
    }

    private static ReceivePatientPayment Payment(string id, decimal amount) =>
        new(id, amount, PaidOn, PatientPaymentMethod.Check, "CHK-1001", null, null);

    /// <summary>Two self-pay claims of 170.00: "OLD" served in September, "NEW" in October.</summary>
    private async Task<LedgerFixture> SelfPayAccountWithTwoClaims(string practiceId)
    {
        var ledger = new LedgerFixture(cluster, practiceId);
        await ledger.RegisterPracticeAsync();
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("NEW", "A1", new DateOnly(2026, 10, 1), primary: null);
        await ledger.OpenClaimAsync("OLD", "A1", new DateOnly(2026, 9, 1), primary: null);
        return ledger;
    }
}
