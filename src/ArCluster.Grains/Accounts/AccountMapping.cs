using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Domain;
using ArCluster.Domain.Accounts;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Validation;
using ArCluster.Grains.Ledger;

namespace ArCluster.Grains.Accounts;

internal static class AccountMapping
{
    public static AccountInput ToInput(this NewAccount account) => new(
        account.PracticeId,
        account.AccountId,
        account.Patient is { } p ? new PersonInput(p.FirstName, p.LastName, p.DateOfBirth) : null,
        account.Guarantor is { } g ? new PersonInput(g.FirstName, g.LastName, g.DateOfBirth) : null);

    public static PatientPaymentReceipt ToReceipt(this ReceivePatientPayment payment)
    {
        var violations = new Violations();
        var amount = WireValues.Amount(violations, "amount", payment.Amount);

        ClaimId? claim = payment.ClaimId is null ? null : violations.Check<ClaimId>("claimId", payment.ClaimId, ClaimId.TryParse);
        if (!Enum.IsDefined(payment.Method))
        {
            violations.Add("method", $"'{payment.Method}' is not a payment method: use Cash, Check, Card, Ach or Other");
        }

        if (payment.Reference is { Length: > 50 })
        {
            violations.Add("reference", "must be at most 50 characters");
        }

        violations.ThrowIfAny($"Patient payment '{payment.PaymentId}'");
        return new PatientPaymentReceipt(amount, payment.PaymentDate, (PaymentMethod)payment.Method, payment.Reference, claim, payment.LineNumber);
    }

    public static Money ToAmount(this RefundAccountCredit refund)
    {
        var violations = new Violations();
        var amount = WireValues.Amount(violations, "amount", refund.Amount);

        violations.ThrowIfAny($"Refund '{refund.RefundId}'");
        return amount;
    }

    public static PersonInfo ToInfo(this Person person) => new(person.FirstName, person.LastName, person.DateOfBirth);

    public static PostingView ToView(this AccountPosting posting) =>
        posting.PostingId.ToView(posting.Version, posting.Operation.ToString(), posting.PostedAt, posting.PostedBy, posting.Entries, posting.Memo);

    public static PatientPaymentView ToView(this PaymentProgress payment) => new(
        payment.PaymentId.Value,
        payment.Receipt.Amount.Amount,
        payment.Receipt.PaymentDate,
        (PatientPaymentMethod)payment.Receipt.Method,
        payment.Receipt.Reference,
        [.. payment.Applications.Where(a => a.Amount.IsPositive).Select(a => new PaymentApplicationView(a.Claim.Value, a.Amount.Amount, payment.IsReversed(a.Claim)))],
        payment.CreditPortion.Amount,
        payment switch
        {
            { Reversed: true } => "Reversed",
            { ReversalId: not null } => "Reversing",
            { Settled: true } => "Settled",
            _ => "Applying",
        });

    public static AccountView ToView(this Account account, IReadOnlyList<ClaimSummary> claims)
    {
        var owedOnClaims = claims.Sum(c => c.Balance.Patient);
        return new AccountView(
            account.Details.PracticeId.Value,
            account.Details.AccountId.Value,
            account.Details.Patient.ToInfo(),
            account.Details.Guarantor.ToInfo(),
            account.Version,
            [.. claims],
            claims.Sum(c => c.Balance.Primary + c.Balance.Secondary),
            owedOnClaims - account.Credit.Amount,
            account.Credit.Amount,
            [.. account.Payments.Select(p => p.ToView())],
            [.. account.Postings.Select(p => p.ToView())]);
    }
}
