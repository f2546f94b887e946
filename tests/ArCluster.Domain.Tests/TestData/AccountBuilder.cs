using ArCluster.Domain.Accounts;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.TestData;

/// <summary>
/// Opens accounts and drives a patient payment through them step by step the way the account
/// grain does: receive, apply claim by claim (each claim posting under its derived id), settle;
/// and to take one back: start, reverse on each claim, finish.
/// </summary>
public static class AccountBuilder
{
    public const string By = "poster.jane";

    public static AccountDetails Details() => AccountRules.Validate(
        new AccountInput("riverside", "A-1001", new PersonInput("Maria", "Lopez", new DateOnly(1961, 3, 14)), null), Today);

    public static Account Open() => Account.FromHistory([Account.Open(Details(), Context("A-1001-open"))]);

    public static AccountPosting Post(this Account account, AccountPosting? posting)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(posting);
        account.Apply(posting);
        return posting;
    }

    public static Claim Attach(this Account account, Claim claim)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(claim);
        account.Post(account.AttachClaim(Context($"attach-{claim.Details.ClaimId}"), claim.Details.ClaimId, claim.Details.FirstServiceDate));
        return claim;
    }

    public static PatientPaymentReceipt Receipt(decimal amount, ClaimId? claim = null, int? line = null) =>
        new(Usd(amount), Today, PaymentMethod.Card, "auth 448812", claim, line);

    /// <summary>Receives a payment and applies it all the way to settled.</summary>
    public static PaymentProgress Pay(this Account account, IReadOnlyCollection<Claim> claims, string paymentId, PatientPaymentReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.Post(account.ReceivePayment(Context(paymentId), receipt));
        account.ApplyPayment(claims, paymentId, stopAfter: int.MaxValue);
        account.Post(account.Settle(account.Payment(paymentId)!, Now, By));
        return account.Payment(paymentId)!;
    }

    /// <summary>Applies a received payment to at most <paramref name="stopAfter"/> claims (fewer simulates a crash).</summary>
    public static void ApplyPayment(this Account account, IReadOnlyCollection<Claim> claims, string paymentId, int stopAfter)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(claims);
        var visited = 0;
        foreach (var claimId in account.ClaimsToApply(account.Payment(paymentId)!))
        {
            var payment = account.Payment(paymentId)!;
            if (!payment.Unapplied.IsPositive || visited++ == stopAfter)
            {
                break;
            }

            var claim = claims.Single(c => c.Details.ClaimId == claimId);
            var context = new PostingContext(Account.ClaimPostingFor(payment.PaymentId, claimId), Now, By);
            var posting = claim.Find(context.PostingId.Value)
                ?? claim.ApplyPatientPayment(context, new PatientPaymentCommand(payment.Unapplied, payment.Receipt.TargetLine, payment.Receipt.PaymentDate, null));
            if (posting is not null)
            {
                if (claim.Find(context.PostingId.Value) is null)
                {
                    claim.Apply(posting);
                }

                account.Post(account.RecordApplication(payment, claimId, posting.Amount(EntryKind.PatientPayment), Now, By));
            }
        }
    }

    /// <summary>Takes a settled payment back (a returned check) on every claim it paid and on the account.</summary>
    public static PaymentProgress TakeBack(this Account account, IReadOnlyCollection<Claim> claims, string paymentId, string reversalId)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(claims);
        account.Post(account.StartReversal(Context(reversalId), paymentId, Today, "returned check"));
        var payment = account.Payment(paymentId)!;
        foreach (var claimId in payment.ApplicationsToReverse)
        {
            var claim = claims.Single(c => c.Details.ClaimId == claimId);
            var context = new PostingContext(Account.ClaimPostingFor(payment.ReversalId!.Value, claimId), Now, By);
            claim.Post(claim.Reverse(context, new ReverseCommand(Account.ClaimPostingFor(payment.PaymentId, claimId).Value, Today, "returned check"), patientPaymentsAllowed: true));
            account.Post(account.RecordApplicationReversed(payment, claimId, Now, By));
        }

        account.Post(account.FinishReversal(payment, Now, By));
        return payment;
    }
}
