namespace ArCluster.Domain.Worklists;

/// <summary>An action as a biller asked for it, before the rules check it. Group and reason are a write-off's CAS group and CARC.</summary>
public sealed record WorklistActionInput(
    WorklistAction Action,
    string? Note,
    string? Assignee,
    DateOnly? AppealDeadline,
    string? WriteOffGroup,
    string? WriteOffReason);
