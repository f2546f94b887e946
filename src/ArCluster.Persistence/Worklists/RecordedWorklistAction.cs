namespace ArCluster.Persistence.Worklists;

/// <summary>The action as first recorded; <see cref="Replayed"/> when this call found it already there.</summary>
public sealed record RecordedWorklistAction(WorklistActionRecord Action, bool Replayed);
