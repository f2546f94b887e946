namespace ArCluster.Domain.Worklists;

/// <summary>
/// Where a worklist item stands. A user's decision (appealed, corrected, written off, resolved) is
/// final: the source never reopens or changes it. The system's own closings (cleared, superseded)
/// follow the source and are undone if the source raises the item again.
/// </summary>
public enum WorklistItemState
{
    Open = 0,
    Appealed = 1,
    Corrected = 2,
    WrittenOff = 3,
    Resolved = 4,

    /// <summary>The source no longer needs it: the claim was paid, say.</summary>
    Cleared = 5,

    /// <summary>Raised already out of date (a follow-up whose claim was answered in the same step): kept as a record that it fired.</summary>
    Superseded = 6,
}
