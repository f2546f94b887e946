namespace ArCluster.Abstractions.Worklists;

/// <summary>
/// One item: what its source raised (amount at risk, reason such as a CARC, due date and deadline)
/// and where staff have taken it. <see cref="Scope"/> is its source: <c>claim:C1001</c> or <c>remittance:PAYER/TRACE</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistItemView")]
public sealed record WorklistItemView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string Key,
    [property: Id(2)] string Scope,
    [property: Id(3)] WorklistItemKind Kind,
    [property: Id(4)] string? ClaimId,
    [property: Id(5)] string? AccountId,
    [property: Id(6)] string? PayerId,
    [property: Id(7)] decimal Amount,
    [property: Id(8)] string Reason,
    [property: Id(9)] string? Detail,
    [property: Id(10)] DateOnly DueOn,
    [property: Id(11)] DateOnly? Deadline,
    [property: Id(12)] bool Escalated,
    [property: Id(13)] DateTimeOffset RaisedAt,
    [property: Id(14)] WorklistItemStatus Status,
    [property: Id(15)] DateTimeOffset? ResolvedAt,
    [property: Id(16)] string? ResolvedBy,
    [property: Id(17)] string? AssignedTo,
    [property: Id(18)] DateOnly? AppealDeadline);
