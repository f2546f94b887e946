namespace ArCluster.Abstractions.Worklists;

/// <summary>
/// An action on an item. <see cref="ActionId"/> is the caller's idempotency key: sending it again returns
/// the first result and posts nothing twice. <see cref="User"/> is who acts. <see cref="AppealDeadline"/>
/// defaults to the item's deadline; <see cref="WriteOffGroup"/> to CO; <see cref="WriteOffReason"/> is a CARC.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistActionRequest")]
public sealed record WorklistActionRequest(
    [property: Id(0)] string ActionId,
    [property: Id(1)] string ItemKey,
    [property: Id(2)] WorklistActionKind Action,
    [property: Id(3)] string User,
    [property: Id(4)] string? Note = null,
    [property: Id(5)] string? Assignee = null,
    [property: Id(6)] DateOnly? AppealDeadline = null,
    [property: Id(7)] string? WriteOffGroup = null,
    [property: Id(8)] string? WriteOffReason = null);
