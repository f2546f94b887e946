using ArCluster.Abstractions.Practices;
using ArCluster.Domain.FollowUp;
using ArCluster.Grains.Practices;

namespace ArCluster.Grains.FollowUp;

internal static class FollowUpMapping
{
    /// <summary>A practice's stored settings as follow-up reads them.</summary>
    public static FollowUpSettings ToFollowUpSettings(this PracticeView practice) => FollowUpSettings.Of(practice.ToProfile());
}
