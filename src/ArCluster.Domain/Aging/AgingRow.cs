using System.Collections.Immutable;

namespace ArCluster.Domain.Aging;

/// <summary>
/// What one payer (or the patients) owes, by aging bucket, and on how many claims. Indexed by
/// <see cref="AgingBucket"/>; <see cref="Total"/> is the buckets' sum, so a row always adds up.
/// </summary>
public sealed record AgingRow(string? PayerId, ImmutableArray<Money> Buckets, int Claims)
{
    public Money Total => Money.Sum(Buckets);

    public Money this[AgingBucket bucket] => Buckets[(int)bucket];
}
