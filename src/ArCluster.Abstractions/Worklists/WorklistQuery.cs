namespace ArCluster.Abstractions.Worklists;

/// <summary>Which items to list; null criteria match everything. Closed items only with <see cref="IncludeClosed"/>.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WorklistQuery")]
public sealed record WorklistQuery(
    [property: Id(0)] WorklistItemKind? Kind = null,
    [property: Id(1)] string? PayerId = null,
    [property: Id(2)] string? AssignedTo = null,
    [property: Id(3)] bool IncludeClosed = false,
    [property: Id(4)] int? Limit = null);
