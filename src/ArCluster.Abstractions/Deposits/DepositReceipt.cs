using System.Collections.Immutable;

namespace ArCluster.Abstractions.Deposits;

[GenerateSerializer]
public enum DepositOutcome
{
    Recorded = 0,

    /// <summary>The same deposit (date, reference, amount) was recorded before, by any file: nothing changed.</summary>
    AlreadyRecorded = 1,

    /// <summary>Invalid, or its practice could not be found: nothing was recorded.</summary>
    Rejected = 2,
}

/// <summary>What became of one deposit.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.DepositReceipt")]
public sealed record DepositReceipt(
    [property: Id(0)] string? PracticeId,
    [property: Id(1)] string Reference,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateOnly DepositDate,
    [property: Id(4)] DepositOutcome Outcome,
    [property: Id(5)] ImmutableArray<string> Reasons,
    [property: Id(6)] string SourceFile,
    [property: Id(7)] int Line);
