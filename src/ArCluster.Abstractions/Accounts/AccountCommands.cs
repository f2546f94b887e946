namespace ArCluster.Abstractions.Accounts;

/// <summary>How a patient paid.</summary>
[GenerateSerializer]
public enum PatientPaymentMethod
{
    Cash = 0,
    Check = 1,
    Card = 2,
    Ach = 3,
    Other = 4,
}

/// <summary>
/// A patient payment. Without a claim it goes to the oldest balances first; what no claim can take
/// stays on the account as credit. <see cref="PaymentId"/> is its idempotency key.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReceivePatientPayment")]
public sealed record ReceivePatientPayment(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly PaymentDate,
    [property: Id(3)] PatientPaymentMethod Method,
    [property: Id(4)] string? Reference,
    [property: Id(5)] string? ClaimId,
    [property: Id(6)] int? LineNumber);

/// <summary>Takes back a patient payment (a returned check): every claim's part and the credit part are reversed.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReversePatientPayment")]
public sealed record ReversePatientPayment(
    [property: Id(0)] string ReversalId,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string? Memo);

/// <summary>Pays unapplied account credit back to the guarantor.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.RefundAccountCredit")]
public sealed record RefundAccountCredit(
    [property: Id(0)] string RefundId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string? Memo);
