namespace ArCluster.Persistence.Worklists;

/// <summary>An action id already recorded for a different action: the caller reused an id it should not have.</summary>
public sealed class WorklistActionConflictException(string practiceId, WorklistActionRecord recorded)
    : Exception($"Action id '{recorded.ActionId}' of practice '{practiceId}' was already used for {recorded.Action} on item '{recorded.ItemKey}' by {recorded.Actor} at {recorded.ActedAt:u}; use a new action id for a different action.")
{
    public WorklistActionRecord Recorded { get; } = recorded;
}
