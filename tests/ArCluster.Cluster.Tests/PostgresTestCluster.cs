using ArCluster.Grains;
using ArCluster.Persistence.Orleans;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests;

/// <summary>
/// An in-process Orleans test cluster wired exactly like the real silo: ADO.NET clustering, grain
/// state and reminders on a fresh, migrated PostgreSQL database.
/// </summary>
public class PostgresTestCluster : IAsyncLifetime
{
    private const string ConnectionStringKey = "ArClusterTests:ConnectionString";

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("testcluster");
        await new SchemaMigrator(ConnectionString).MigrateAsync();

        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.UseTestClusterMembership = false;

        // Real sockets, so separate client processes (ArClusterClient) can connect as they would in production.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloOnPostgres>();
        builder.AddClientBuilderConfigurator<ClientOnPostgres>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// What a fixture adds beyond the real silo's wiring: silo settings (builder.Properties, e.g.
    /// "ArCluster:LedgerFeed:PollInterval") or test-only silo configurators.
    /// </summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloOnPostgres : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseArClusterPostgres(siloBuilder.Configuration[ConnectionStringKey]!);
            siloBuilder.UseArClusterGrains();
            siloBuilder.Services.AddSingleton(TimeProvider.System);
        }
    }

    private sealed class ClientOnPostgres : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansPostgres.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
    }
}
