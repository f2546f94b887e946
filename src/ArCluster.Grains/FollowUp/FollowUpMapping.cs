using System.Collections.Frozen;
using ArCluster.Abstractions.Practices;
using ArCluster.Domain.FollowUp;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Practices;

namespace ArCluster.Grains.FollowUp;

internal static class FollowUpMapping
{
    /// <summary>A practice's stored settings as follow-up reads them; payers were validated when registered.</summary>
    public static FollowUpSettings ToFollowUpSettings(this PracticeView practice) => new(
        practice.Payers
            .Select(p => new PracticePayer(
                PayerId.TryParse(p.PayerId, out var id, out var error) ? id : throw new InvalidOperationException(error),
                p.Name,
                (Domain.Practices.PayerKind)p.Kind,
                p.TimelyFilingDays))
            .ToFrozenDictionary(p => p.PayerId.Value, StringComparer.Ordinal),
        (Domain.Practices.AgingBasis)practice.AgingBasis,
        FollowUpPolicy.Default);
}
