using System.Collections.Immutable;

namespace ArCluster.Abstractions.Worklists;

/// <summary>A list of items, most urgent first; <see cref="Truncated"/> when more matched than the limit.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistView")]
public sealed record WorklistView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] ImmutableArray<WorklistItemView> Items,
    [property: Id(2)] bool Truncated);

/// <summary>An item with every action taken on it, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistItemDetail")]
public sealed record WorklistItemDetail(
    [property: Id(0)] WorklistItemView Item,
    [property: Id(1)] ImmutableArray<WorklistActionView> History);

/// <summary>Open denials of one payer for one reason (CAS group and CARC, e.g. CO-50).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.DenialGroupView")]
public sealed record DenialGroupView(
    [property: Id(0)] string? PayerId,
    [property: Id(1)] string Reason,
    [property: Id(2)] int Count,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] DateOnly? EarliestDeadline,
    [property: Id(5)] int Escalated);

[GenerateSerializer, Immutable, Alias("arcluster.DenialsView")]
public sealed record DenialsView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] ImmutableArray<DenialGroupView> Groups);

/// <summary>Open items of one kind: how many, how much money, how many escalated.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistKindSummary")]
public sealed record WorklistKindSummary(
    [property: Id(0)] WorklistItemKind Kind,
    [property: Id(1)] int Open,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] int Escalated);

/// <summary>Every kind, with zeros for kinds with nothing open.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistSummaryView")]
public sealed record WorklistSummaryView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] ImmutableArray<WorklistKindSummary> Kinds);
