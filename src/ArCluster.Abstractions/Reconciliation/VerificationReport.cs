using System.Collections.Immutable;

namespace ArCluster.Abstractions.Reconciliation;

/// <summary>One reconciliation line whose stored total differs from the journal.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.TotalMismatch")]
public sealed record TotalMismatch(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] string Category,
    [property: Id(3)] string PayerId,
    [property: Id(4)] string Detail,
    [property: Id(5)] decimal Journal,
    [property: Id(6)] decimal Stored);

/// <summary>
/// Stored reconciliation totals compared line by line with the journal, counted up to the same
/// point of the ledger feed (<see cref="Through"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.VerificationReport")]
public sealed record VerificationReport(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string Through,
    [property: Id(4)] int LinesCompared,
    [property: Id(5)] int PostingsRead,
    [property: Id(6)] ImmutableArray<TotalMismatch> Mismatches)
{
    public bool Clean => Mismatches.IsEmpty;
}
