using ArCluster.Domain;
using ArCluster.Domain.Reconciliation;
using ArCluster.Persistence.Feed;

namespace ArCluster.Persistence.Reconciliation;

/// <summary>A practice's reconciliation totals as stored, and how far into the feed they count.</summary>
public sealed record StoredReconciliation(FeedCursor Mark, IReadOnlyList<KeyValuePair<TotalKey, Money>> Lines);
