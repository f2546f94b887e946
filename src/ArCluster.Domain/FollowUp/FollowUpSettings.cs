using System.Collections.Frozen;
using ArCluster.Domain.Practices;

namespace ArCluster.Domain.FollowUp;

/// <summary>The practice settings a claim's follow-up depends on: its payers (with their limits) and aging basis.</summary>
public sealed record FollowUpSettings(FrozenDictionary<string, PracticePayer> Payers, AgingBasis AgingBasis, FollowUpPolicy Policy)
{
    public static FollowUpSettings Of(PracticeProfile practice, FollowUpPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return new(practice.Payers.ToFrozenDictionary(p => p.PayerId.Value, StringComparer.Ordinal), practice.AgingBasis, policy ?? FollowUpPolicy.Default);
    }
}
