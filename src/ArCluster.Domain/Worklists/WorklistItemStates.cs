namespace ArCluster.Domain.Worklists;

/// <summary>What each state means for who may change an item, and where each action leaves it.</summary>
public static class WorklistItemStates
{
    /// <summary>The name of the user the system acts as when it clears or supersedes items.</summary>
    public const string System = "system";

    public static bool IsClosedByUser(this WorklistItemState state) =>
        state is WorklistItemState.Appealed or WorklistItemState.Corrected or WorklistItemState.WrittenOff or WorklistItemState.Resolved;

    public static bool IsClosedBySystem(this WorklistItemState state) =>
        state is WorklistItemState.Cleared or WorklistItemState.Superseded;

    /// <summary>The state an action closes an item with, or null for actions that leave it open (note, assign).</summary>
    public static WorklistItemState? ClosesAs(this WorklistAction action) => action switch
    {
        WorklistAction.Appeal => WorklistItemState.Appealed,
        WorklistAction.MarkForCorrection => WorklistItemState.Corrected,
        WorklistAction.WriteOff => WorklistItemState.WrittenOff,
        WorklistAction.Resolve => WorklistItemState.Resolved,
        _ => null,
    };
}
