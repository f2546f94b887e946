using System.Collections.Immutable;

namespace ArCluster.Abstractions.Aging;

/// <summary>A stored balance the journal disagrees with: a party's balance on a claim, or an account's unapplied credit (no claim).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.AgingMismatch")]
public sealed record AgingMismatch(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string? ClaimId,
    [property: Id(2)] string? AccountId,
    [property: Id(3)] string Party,
    [property: Id(4)] decimal Journal,
    [property: Id(5)] decimal Stored);

/// <summary>Stored open claim balances and credits compared with the journal, both counted up to <see cref="Through"/> in the ledger feed.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.AgingVerificationReport")]
public sealed record AgingVerificationReport(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string Through,
    [property: Id(2)] int ClaimsCompared,
    [property: Id(3)] int AccountsCompared,
    [property: Id(4)] ImmutableArray<AgingMismatch> Mismatches)
{
    public bool Clean => Mismatches.IsEmpty;
}
