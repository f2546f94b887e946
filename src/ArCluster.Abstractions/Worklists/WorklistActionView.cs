namespace ArCluster.Abstractions.Worklists;

/// <summary>One recorded action: who, when, and what with (the appeal deadline, the assignee, the claim posting it made).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistActionView")]
public sealed record WorklistActionView(
    [property: Id(0)] string ActionId,
    [property: Id(1)] string ItemKey,
    [property: Id(2)] WorklistActionKind Action,
    [property: Id(3)] string Actor,
    [property: Id(4)] DateTimeOffset ActedAt,
    [property: Id(5)] string? Note,
    [property: Id(6)] DateOnly? AppealDeadline,
    [property: Id(7)] string? Assignee,
    [property: Id(8)] string? PostingId);
