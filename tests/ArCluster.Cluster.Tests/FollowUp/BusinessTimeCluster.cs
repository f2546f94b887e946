using ArCluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests.FollowUp;

/// <summary>
/// A test cluster whose billing rules run on a fake clock the test moves by hand, while Orleans
/// itself keeps real time. The silos run in this process, so they share the one clock.
/// </summary>
public class BusinessTimeCluster : PostgresTestCluster
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, FakeTimeProvider> Clocks = [];

    private readonly string _clockId = Guid.NewGuid().ToString("N");

    public BusinessTimeCluster()
    {
        lock (Clocks)
        {
            Clocks[_clockId] = new FakeTimeProvider(Start);
        }
    }

    public FakeTimeProvider Clock => Clocks[_clockId];

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["ArClusterTests:BusinessClock"] = _clockId;
        builder.AddSiloBuilderConfigurator<OnBusinessClock>();
    }

    private sealed class OnBusinessClock : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            FakeTimeProvider clock;
            lock (Clocks)
            {
                clock = Clocks[siloBuilder.Configuration["ArClusterTests:BusinessClock"]!];
            }

            siloBuilder.Services.AddSingleton(new BusinessClock(clock));
        }
    }
}
