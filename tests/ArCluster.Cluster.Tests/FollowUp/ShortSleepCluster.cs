using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests.FollowUp;

/// <summary>Business time on a fake clock, and reminders that never sleep longer than two real seconds, so a real reminder fires within a test.</summary>
public sealed class ShortSleepCluster : BusinessTimeCluster
{
    protected override void Configure(TestClusterBuilder builder)
    {
        base.Configure(builder);
        builder.Properties["ArCluster:FollowUp:LongestSleep"] = "00:00:02";
    }
}
