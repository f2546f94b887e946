namespace ArCluster.Domain.Aging;

/// <summary>
/// What aging needs to know about a claim beyond its balances: whose it is, when it was served and
/// billed, and which payers stand in the primary and secondary roles (ledger entries carry neither
/// the secondary payer nor the billing date, so these come from the claim as opened).
/// </summary>
public sealed record ClaimFacts(
    string ClaimId,
    string AccountId,
    DateOnly FirstServiceDate,
    DateOnly BilledOn,
    string? PrimaryPayerId,
    string? SecondaryPayerId);
