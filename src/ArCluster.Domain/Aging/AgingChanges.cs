using System.Collections.Immutable;

namespace ArCluster.Domain.Aging;

/// <summary>
/// What a batch of entries changes in a practice's open AR: the new balances of every claim it
/// touched (a closed claim, all zero, leaves AR) and the new unapplied credit of every account it
/// touched (zero: none left).
/// </summary>
public sealed record AgingChanges(ImmutableArray<ClaimBalance> Claims, ImmutableArray<KeyValuePair<string, Money>> Credits)
{
    public static readonly AgingChanges None = new([], []);

    public bool IsEmpty => Claims.IsEmpty && Credits.IsEmpty;
}
