using ArCluster.Domain.Accounts;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Accounts;

public class AccountTest
{
    private readonly Account _account = AccountBuilder.Open();
    private readonly Claim _older;
    private readonly Claim _newer;
    private readonly Claim[] _claims;

    public AccountTest()
    {
        _newer = _account.Attach(new ClaimBuilder().Id("C-NEW").SelfPay().Line(50m, daysAgo: 10).Open());
        _older = _account.Attach(new ClaimBuilder().Id("C-OLD").SelfPay().Line(80m, daysAgo: 60).Open());
        _claims = [_older, _newer];
    }

    private static RuleViolation Rejected(Action decide) => Assert.Single(Assert.Throws<RuleViolationException>(decide).Violations);

    [Fact]
    public void Attaching_a_claim_twice_changes_nothing()
    {
        var version = _account.Version;

        Assert.Null(_account.AttachClaim(Context("attach-again"), _older.Details.ClaimId, _older.Details.FirstServiceDate));

        Assert.Equal(version, _account.Version);
        Assert.True(_account.HasClaim(_older.Details.ClaimId));
        Assert.Equal(2, _account.Claims.Count());
    }

    [Fact]
    public void Claims_are_listed_oldest_service_first_whatever_order_they_were_attached_in() =>
        Assert.Equal(["C-OLD", "C-NEW"], _account.Claims.Select(c => c.Value));

    [Fact]
    public void A_payment_pays_the_oldest_claim_first_and_keeps_the_rest_as_credit()
    {
        var payment = _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(200m));

        Assert.Equal(PartyBalances.Zero, _older.Balances);
        Assert.Equal(PartyBalances.Zero, _newer.Balances);
        Assert.Equal([("C-OLD", Usd(80m)), ("C-NEW", Usd(50m))], payment.Applications.Select(a => (a.Claim.Value, a.Amount)));
        Assert.True(payment.Settled);
        Assert.False(payment.Pending);
        Assert.Equal(Usd(70m), payment.CreditPortion);
        Assert.Equal(Usd(70m), _account.Credit);
        Assert.Equal(Usd(70m), _account.Totals.PatientPayments);
        Assert.Equal(payment.Receipt.Amount, payment.Applied + payment.CreditPortion);
        Assert.Equal(Usd(80m), _older.Totals.PatientPayments);
        Assert.NotNull(_older.Find("PAY-1:claim:C-OLD"));
    }

    [Fact]
    public void A_payment_that_fits_leaves_no_credit_entry()
    {
        var payment = _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(100m));

        Assert.Equal(Money.Zero, _account.Credit);
        Assert.Null(payment.CreditEntryId);
        Assert.Equal(new PartyBalances(Money.Zero, Money.Zero, Usd(30m)), _newer.Balances);
    }

    [Fact]
    public void A_payment_for_one_claim_goes_only_to_that_claim()
    {
        var payment = _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(60m, _newer.Details.ClaimId));

        Assert.Equal(PartyBalances.Zero, _newer.Balances);
        Assert.Equal(Usd(80m), _older.Balances.Patient);
        Assert.Equal(Usd(10m), _account.Credit);
        Assert.Equal("C-NEW", Assert.Single(payment.Applications).Claim.Value);
    }

    [Fact]
    public void A_payment_receipt_is_checked_before_anything_is_applied()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            _account.ReceivePayment(Context("PAY-1"), AccountBuilder.Receipt(0m) with { TargetClaim = new ClaimBuilder().Id("C-ELSEWHERE").Details().ClaimId }));

        Assert.Equal(["amount", "claimId"], error.Violations.Select(v => v.Field));
        Assert.Contains("claim 'C-ELSEWHERE' is not on account 'A-1001'", error.Message, StringComparison.Ordinal);
        Assert.Equal("lineNumber", Rejected(() => _account.ReceivePayment(Context("PAY-2"), AccountBuilder.Receipt(10m, line: 1))).Field);
        Assert.Empty(_account.Payments);
    }

    [Fact]
    public void A_payment_half_applied_before_a_crash_resumes_with_the_claims_it_has_not_visited()
    {
        _account.Post(_account.ReceivePayment(Context("PAY-1"), AccountBuilder.Receipt(100m)));
        _account.ApplyPayment(_claims, "PAY-1", stopAfter: 1);

        var restarted = Account.FromHistory(_account.Postings);
        var payment = restarted.Payment("PAY-1")!;

        Assert.True(payment.Pending);
        Assert.Equal(["C-NEW"], restarted.ClaimsToApply(payment).Select(c => c.Value));
        Assert.Equal(Usd(20m), payment.Unapplied);
        Assert.Single(restarted.PendingPayments);
    }

    [Fact]
    public void A_refund_is_limited_to_the_unapplied_credit()
    {
        _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(200m));

        Assert.Contains("70.01 is more than the account's unapplied credit of 70.00",
            Rejected(() => _account.Refund(Context("RF-1"), Usd(70.01m), Today, null)).Message, StringComparison.Ordinal);
        Assert.Contains("more than zero", Rejected(() => _account.Refund(Context("RF-2"), Money.Zero, Today, null)).Message, StringComparison.Ordinal);

        _account.Post(_account.Refund(Context("RF-3"), Usd(70m), Today, "check 1042 to guarantor"));

        Assert.Equal(Money.Zero, _account.Credit);
        Assert.Equal(Usd(70m), _account.Totals.Refunds);
        Assert.Throws<RuleViolationException>(() => _account.Refund(Context("RF-4"), Usd(0.01m), Today, null));
    }

    [Fact]
    public void A_returned_check_is_taken_back_from_every_claim_it_paid_and_from_the_credit()
    {
        _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(200m));

        var payment = _account.TakeBack(_claims, "PAY-1", "NSF-1");

        Assert.True(payment.Reversed);
        Assert.False(payment.Pending);
        Assert.Empty(payment.ApplicationsToReverse);
        Assert.True(payment.IsReversed(_older.Details.ClaimId) && payment.IsReversed(_newer.Details.ClaimId));
        Assert.Equal(Usd(80m), _older.Balances.Patient);
        Assert.Equal(Usd(50m), _newer.Balances.Patient);
        Assert.Equal(Money.Zero, _account.Credit);
        Assert.Equal(Money.Zero, _account.Totals.PatientPayments);
        Assert.Equal([ClaimOperation.Open, ClaimOperation.PatientPayment, ClaimOperation.Reversal], _older.Postings.Select(p => p.Operation));
        Assert.Equal(
            [
                AccountOperation.Open, AccountOperation.AttachClaim, AccountOperation.AttachClaim,
                AccountOperation.PaymentReceived, AccountOperation.PaymentApplied, AccountOperation.PaymentApplied, AccountOperation.PaymentSettled,
                AccountOperation.PaymentReversalStarted, AccountOperation.ApplicationReversed, AccountOperation.ApplicationReversed, AccountOperation.PaymentReversed,
            ],
            _account.Postings.Select(p => p.Operation));
    }

    [Fact]
    public void A_payment_can_be_taken_back_only_once_and_only_once_settled()
    {
        Assert.Contains("was not received", Rejected(() => _account.StartReversal(Context("NSF-0"), "PAY-9", Today, null)).Message, StringComparison.Ordinal);

        _account.Post(_account.ReceivePayment(Context("PAY-1"), AccountBuilder.Receipt(30m)));
        Assert.Contains("still being applied", Rejected(() => _account.StartReversal(Context("NSF-1"), "PAY-1", Today, null)).Message, StringComparison.Ordinal);

        _account.ApplyPayment(_claims, "PAY-1", int.MaxValue);
        _account.Post(_account.Settle(_account.Payment("PAY-1")!, Now, AccountBuilder.By));
        _account.TakeBack(_claims, "PAY-1", "NSF-2");

        Assert.Contains("already reversed (by 'NSF-2')", Rejected(() => _account.StartReversal(Context("NSF-3"), "PAY-1", Today, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_whose_credit_was_refunded_cannot_be_taken_back_until_the_refund_is()
    {
        _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(200m));
        _account.Post(_account.Refund(Context("RF-1"), Usd(30m), Today, null));

        var violation = Rejected(() => _account.StartReversal(Context("NSF-1"), "PAY-1", Today, null));

        Assert.Contains("left 70.00 of credit, but only 40.00 is left after refunds", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuilding_the_account_from_its_journal_gives_the_same_account()
    {
        _account.Pay(_claims, "PAY-1", AccountBuilder.Receipt(200m));
        _account.Post(_account.Refund(Context("RF-1"), Usd(30m), Today, null));
        _account.Pay(_claims, "PAY-2", AccountBuilder.Receipt(15m));

        var replayed = Account.FromHistory(_account.Postings);

        Assert.Equal((_account.Version, _account.Credit, _account.Totals), (replayed.Version, replayed.Credit, replayed.Totals));
        Assert.Equal(_account.Claims, replayed.Claims);
        Assert.Equal(
            _account.Payments.Select(p => (p.PaymentId, p.Applied, p.CreditPortion, p.Settled, p.Reversed)),
            replayed.Payments.Select(p => (p.PaymentId, p.Applied, p.CreditPortion, p.Settled, p.Reversed)));
        Assert.Throws<InvalidOperationException>(() => Account.FromHistory(_account.Postings.Skip(1)));
    }

    [Fact]
    public void Account_postings_apply_only_in_version_order()
    {
        var first = _account.ReceivePayment(Context("PAY-1"), AccountBuilder.Receipt(10m));
        var second = _account.ReceivePayment(Context("PAY-2"), AccountBuilder.Receipt(10m));
        _account.Apply(first);

        Assert.Throws<InvalidOperationException>(() => _account.Apply(second));
        Assert.Single(_account.Payments);
    }
}
