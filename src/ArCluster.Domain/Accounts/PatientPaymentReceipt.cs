using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Accounts;

/// <summary>
/// A payment the patient or guarantor made: how much, when, how, and optionally which claim (and
/// line) it is for. Without a target it is applied to the oldest balances first.
/// </summary>
public sealed record PatientPaymentReceipt(
    Money Amount,
    DateOnly PaymentDate,
    PaymentMethod Method,
    string? Reference,
    ClaimId? TargetClaim,
    int? TargetLine);
