using ArCluster.Domain.Worklists;

namespace ArCluster.Persistence.Worklists;

/// <summary>Which items of a practice to list; null criteria match everything. Closed items only with <see cref="IncludeClosed"/>.</summary>
public sealed record WorklistFilter(
    WorklistKind? Kind = null,
    string? PayerId = null,
    string? AssignedTo = null,
    bool IncludeClosed = false,
    int Limit = WorklistFilter.DefaultLimit)
{
    /// <summary>More than a biller can work in a day; a list longer than this is narrowed by kind or payer.</summary>
    public const int DefaultLimit = 500;
}
