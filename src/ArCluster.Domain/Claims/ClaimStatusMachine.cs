using System.Collections.Frozen;

namespace ArCluster.Domain.Claims;

/// <summary>
/// Which status changes a claim may make. Adjudication (paid, partial, denied) may arrive before
/// ArCluster saw a submission, because practices also bill on paper and through other channels.
/// <see cref="ClaimStatus.Closed"/> is entered and left only by the balance reaching or leaving zero.
/// </summary>
public static class ClaimStatusMachine
{
    private static readonly ClaimStatus[] Adjudicated = [ClaimStatus.Paid, ClaimStatus.PartiallyPaid, ClaimStatus.Denied];

    private static readonly FrozenDictionary<ClaimStatus, FrozenSet<ClaimStatus>> Allowed = new Dictionary<ClaimStatus, FrozenSet<ClaimStatus>>
    {
        [ClaimStatus.Draft] = Set(ClaimStatus.Ready),
        [ClaimStatus.Ready] = Set([ClaimStatus.Draft, ClaimStatus.Submitted, .. Adjudicated]),
        [ClaimStatus.Submitted] = Set([ClaimStatus.Accepted, ClaimStatus.Rejected, .. Adjudicated]),
        [ClaimStatus.Accepted] = Set(Adjudicated),
        [ClaimStatus.Rejected] = Set(ClaimStatus.Corrected, ClaimStatus.Draft),
        [ClaimStatus.Paid] = Set([ClaimStatus.Appealed, ClaimStatus.Corrected, .. Adjudicated]),
        [ClaimStatus.PartiallyPaid] = Set([ClaimStatus.Appealed, ClaimStatus.Corrected, .. Adjudicated]),
        [ClaimStatus.Denied] = Set([ClaimStatus.Appealed, ClaimStatus.Corrected, .. Adjudicated]),
        [ClaimStatus.Appealed] = Set(Adjudicated),
        [ClaimStatus.Corrected] = Set(ClaimStatus.Submitted),
        [ClaimStatus.Closed] = Set(),
    }.ToFrozenDictionary();

    public static bool CanMove(ClaimStatus from, ClaimStatus to) => Allowed[from].Contains(to);

    public static IReadOnlySet<ClaimStatus> NextFrom(ClaimStatus from) => Allowed[from];

    private static FrozenSet<ClaimStatus> Set(params ClaimStatus[] statuses) => statuses.ToFrozenSet();
}
