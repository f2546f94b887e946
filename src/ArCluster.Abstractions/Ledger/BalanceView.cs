namespace ArCluster.Abstractions.Ledger;

/// <summary>What each party owes; negative is a credit owed back to that party.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.BalanceView")]
public sealed record BalanceView(
    [property: Id(0)] decimal Primary,
    [property: Id(1)] decimal Secondary,
    [property: Id(2)] decimal Patient,
    [property: Id(3)] decimal Total);
