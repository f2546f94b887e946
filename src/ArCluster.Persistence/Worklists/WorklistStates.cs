using ArCluster.Domain.Worklists;

namespace ArCluster.Persistence.Worklists;

/// <summary>The names item states have in the database, readable in SQL by an operator.</summary>
internal static class WorklistStates
{
    public static string ToSql(WorklistItemState state) => state switch
    {
        WorklistItemState.Open => "open",
        WorklistItemState.Appealed => "appealed",
        WorklistItemState.Corrected => "corrected",
        WorklistItemState.WrittenOff => "written_off",
        WorklistItemState.Resolved => "resolved",
        WorklistItemState.Cleared => "cleared",
        WorklistItemState.Superseded => "superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no such worklist item state"),
    };

    public static WorklistItemState FromSql(string state) => state switch
    {
        "open" => WorklistItemState.Open,
        "appealed" => WorklistItemState.Appealed,
        "corrected" => WorklistItemState.Corrected,
        "written_off" => WorklistItemState.WrittenOff,
        "resolved" => WorklistItemState.Resolved,
        "cleared" => WorklistItemState.Cleared,
        "superseded" => WorklistItemState.Superseded,
        _ => throw new InvalidOperationException($"Unknown worklist item state '{state}' in arcluster_worklist_item"),
    };
}
