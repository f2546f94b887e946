namespace ArCluster.Persistence.Worklists;

/// <summary>An item with every action taken on it, oldest first.</summary>
public sealed record WorklistItemHistory(StoredWorklistItem Item, IReadOnlyList<WorklistActionRecord> Actions);
