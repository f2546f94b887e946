using ArCluster.Domain;
using ArCluster.Domain.Aging;
using ArCluster.Persistence.Feed;

namespace ArCluster.Persistence.Aging;

/// <summary>A practice's open claims and unapplied credit as stored, with the feed mark they count up to.</summary>
public sealed record StoredAging(FeedCursor Mark, IReadOnlyList<ClaimBalance> Claims, IReadOnlyList<KeyValuePair<string, Money>> Credits);
