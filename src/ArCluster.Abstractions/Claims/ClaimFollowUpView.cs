using System.Collections.Immutable;

namespace ArCluster.Abstractions.Claims;

/// <summary>
/// A claim's follow-up: every event that applies to it as it stands, which have been raised to the
/// worklists, which are open there, and the business day its reminder is armed for.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.ClaimFollowUpView")]
public sealed record ClaimFollowUpView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] string Status,
    [property: Id(3)] DateOnly Today,
    [property: Id(4)] DateOnly? ArmedFor,
    [property: Id(5)] ImmutableArray<FollowUpEventView> Events);

[GenerateSerializer, Immutable, Alias("arcluster.FollowUpEventView")]
public sealed record FollowUpEventView(
    [property: Id(0)] string Key,
    [property: Id(1)] string List,
    [property: Id(2)] DateOnly DueOn,
    [property: Id(3)] DateOnly? Deadline,
    [property: Id(4)] bool Raised,
    [property: Id(5)] bool Open,
    [property: Id(6)] bool Escalated,
    [property: Id(7)] string Reason,
    [property: Id(8)] decimal Amount,
    [property: Id(9)] string? PayerId);
