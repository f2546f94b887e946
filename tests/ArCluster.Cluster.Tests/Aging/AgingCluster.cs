using ArCluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests.Aging;

/// <summary>
/// The real cluster with billing time on a fake clock the tests move ahead: claims are billed on
/// its day and aging counts to it, while Orleans' own timers and the ledger feed keep real time.
/// </summary>
public sealed class AgingCluster : PostgresTestCluster
{
    /// <summary>One clock for every silo of the cluster (they run in this process); it only moves forward.</summary>
    public static readonly FakeTimeProvider BillingTime = new(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<FakeBusinessClock>();

    private sealed class FakeBusinessClock : ISiloConfigurator
    {
        // Registered after the real silo's wiring, so it replaces the system business clock.
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton(new BusinessClock(BillingTime));
    }
}
