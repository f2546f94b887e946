using System.Net;
using ArCluster.Grains.Feed;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Orleans;
using ArCluster.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ArCluster.Benchmarks;

/// <summary>One silo wired exactly like the real host (PostgreSQL clustering, storage, reminders, journal), with a co-hosted client.</summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host, string clusterId)
    {
        _host = host;
        ClusterId = clusterId;
    }

    /// <summary>Cluster and service id, for clients connecting through the gateway.</summary>
    public string ClusterId { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public PostgresLedgerJournal Journal => (PostgresLedgerJournal)_host.Services.GetRequiredService<ILedgerJournal>();

    public static async Task<InProcessSilo> StartAsync(string database, int writers, bool ledgerFeed = true)
    {
        var id = $"bench-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (id, id));
            var ports = FreePorts.Take(2);
            silo.ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1]);
            silo.UseArClusterPostgres(database);
            silo.UseArClusterLedgerFeed(o => o.Enabled = ledgerFeed);
            silo.Services.AddSingleton(new LedgerJournalOptions { Writers = writers });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, id);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
