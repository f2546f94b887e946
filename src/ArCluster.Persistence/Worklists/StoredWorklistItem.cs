using ArCluster.Domain;
using ArCluster.Domain.Worklists;

namespace ArCluster.Persistence.Worklists;

/// <summary>A worklist item as stored: what its source raised and where billing staff have taken it since.</summary>
public sealed record StoredWorklistItem(
    string PracticeId,
    string Key,
    string Scope,
    WorklistKind Kind,
    string? ClaimId,
    string? AccountId,
    string? PayerId,
    Money Amount,
    string Reason,
    string? Detail,
    DateOnly DueOn,
    DateOnly? Deadline,
    bool Escalated,
    DateTimeOffset RaisedAt,
    WorklistItemState State,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? AssignedTo,
    DateOnly? AppealDeadline);
