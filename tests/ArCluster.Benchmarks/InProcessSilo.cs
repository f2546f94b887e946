using System.Net;
using ArCluster.Grains;
using ArCluster.Grains.FollowUp;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Orleans;
using ArCluster.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ArCluster.Benchmarks;

/// <summary>
/// One silo wired exactly like the real host (PostgreSQL clustering, storage, reminders, journal),
/// with a co-hosted client. <see cref="StartAsync"/> starts a new cluster of its own; <see cref="StartAnotherAsync"/>
/// adds a silo to the same cluster, as a second host on the same database would.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _database;
    private readonly int _writers;
    private readonly bool _ledgerFeed;
    private readonly bool _followUp;

    private InProcessSilo(IHost host, string clusterId, string database, int writers, bool ledgerFeed, bool followUp)
    {
        _followUp = followUp;
        _host = host;
        ClusterId = clusterId;
        _database = database;
        _writers = writers;
        _ledgerFeed = ledgerFeed;
    }

    /// <summary>Cluster and service id, for clients connecting through the gateway.</summary>
    public string ClusterId { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public PostgresLedgerJournal Journal => (PostgresLedgerJournal)_host.Services.GetRequiredService<ILedgerJournal>();

    /// <summary>The silo's address in the cluster, as management statistics name it.</summary>
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static Task<InProcessSilo> StartAsync(string database, int writers, bool ledgerFeed = true, bool followUp = true) =>
        StartAsync(database, writers, ledgerFeed, $"bench-{Guid.NewGuid():N}", followUp);

    /// <summary>Another silo of this silo's cluster: the same database, cluster and service id; its own ports and gateway.</summary>
    public Task<InProcessSilo> StartAnotherAsync() => StartAsync(_database, _writers, _ledgerFeed, ClusterId, _followUp);

    /// <summary>A silo of cluster <paramref name="id"/> (also its service id, which grain state is stored under): e.g. the same cluster started again.</summary>
    public static async Task<InProcessSilo> StartAsync(string database, int writers, bool ledgerFeed, string id, bool followUp = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (id, id));
            var ports = FreePorts.Take(2);
            silo.ConfigureEndpoints(IPAddress.Loopback, ports[0], ports[1]);
            silo.UseArClusterPostgres(database);
            silo.Services.AddSingleton(new FollowUpOptions { Enabled = followUp });
            silo.UseArClusterGrains(o => o.Enabled = ledgerFeed);
            silo.Services.AddSingleton(new LedgerJournalOptions { Writers = writers });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, id, database, writers, ledgerFeed, followUp);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
