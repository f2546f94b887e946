using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Worklists;

/// <summary>
/// An action the rules accepted, with its values settled: the appeal deadline (the item's own when none
/// was given) and the write-off's group (CO when none was given) and reason.
/// </summary>
public sealed record WorklistDecision(
    WorklistAction Action,
    string? Note,
    string? Assignee,
    DateOnly? AppealDeadline,
    AdjustmentGroup? WriteOffGroup,
    AdjustmentReason? WriteOffReason)
{
    /// <summary>Whether the action changes the claim: its status (appeal, correction) or its ledger (write-off).</summary>
    public bool ChangesClaim => Action is WorklistAction.Appeal or WorklistAction.MarkForCorrection or WorklistAction.WriteOff;
}
