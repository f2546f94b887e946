namespace ArCluster.Abstractions.Worklists;

/// <summary>The lists billing staff work from, each a kind of money at risk.</summary>
[GenerateSerializer]
public enum WorklistItemKind
{
    FollowUp = 0,
    Denial = 1,
    Underpayment = 2,
    TimelyFiling = 3,
    UnappliedPayment = 4,
}

/// <summary>Where an item stands: open, closed by a user's decision, or closed by the system (cleared, superseded).</summary>
[GenerateSerializer]
public enum WorklistItemStatus
{
    Open = 0,
    Appealed = 1,
    Corrected = 2,
    WrittenOff = 3,
    Resolved = 4,
    Cleared = 5,
    Superseded = 6,
}

/// <summary>What a biller can do with an item.</summary>
[GenerateSerializer]
public enum WorklistActionKind
{
    Note = 0,
    Assign = 1,
    Appeal = 2,
    MarkForCorrection = 3,
    WriteOff = 4,
    Resolve = 5,
}
