using System.Collections.Immutable;

namespace ArCluster.Abstractions.Ledger;

/// <summary>One posting: its idempotency key, the version it made, who posted it and when, and its entries.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.PostingView")]
public sealed record PostingView(
    [property: Id(0)] string PostingId,
    [property: Id(1)] long Version,
    [property: Id(2)] string Operation,
    [property: Id(3)] DateTimeOffset PostedAt,
    [property: Id(4)] string PostedBy,
    [property: Id(5)] ImmutableArray<EntryView> Entries,
    [property: Id(6)] string? Memo);
