using System.Collections.Immutable;

namespace ArCluster.Abstractions.Reconciliation;

/// <summary>
/// A practice's (or the company's) reconciliation for the days [From, To], by the entries'
/// effective dates: totals, the same by payer, and the practices it covers.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReconciliationView")]
public sealed record ReconciliationView(
    [property: Id(0)] string Scope,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] ReconciliationFiguresView Totals,
    [property: Id(4)] ImmutableDictionary<string, ReconciliationFiguresView> ByPayer,
    [property: Id(5)] ImmutableArray<string> Practices,
    [property: Id(6)] DateTimeOffset AsOf);
