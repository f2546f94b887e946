using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ArCluster.Client;

/// <summary>
/// A connection to an ArCluster cluster. It finds the silos' gateways in the PostgreSQL membership
/// table and spreads calls over them; Orleans types stay inside.
/// </summary>
public sealed class ArClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ArClusterClient(IHost host, IClusterClient orleans, string user)
    {
        _host = host;
        Practices = new PracticeOperations(orleans);
        Claims = new ClaimOperations(orleans, user);
        Accounts = new AccountOperations(orleans, user);
        Remittances = new RemittanceOperations(orleans, user);
        Deposits = new DepositOperations(orleans, user);
        Reconciliation = new ReconciliationOperations(orleans);
        Aging = new AgingOperations(orleans);
        Worklists = new WorklistOperations(orleans, user);
        Cluster = new ClusterOperations(orleans);
    }

    public PracticeOperations Practices { get; }

    /// <summary>Claims, their charges, and every posting to them.</summary>
    public ClaimOperations Claims { get; }

    /// <summary>Patient accounts, patient payments and account credit.</summary>
    public AccountOperations Accounts { get; }

    /// <summary>835 remittances: posting them exactly once.</summary>
    public RemittanceOperations Remittances { get; }

    /// <summary>Bank deposits: BAI2 and CSV files into the ledger, each deposit once.</summary>
    public DepositOperations Deposits { get; }

    /// <summary>Live reconciliation totals, 835-to-deposit matching, and verification against the journal.</summary>
    public ReconciliationOperations Reconciliation { get; }

    /// <summary>Live AR aging by payer and patient, days in AR and net collection rate.</summary>
    public AgingOperations Aging { get; }

    /// <summary>Follow-up, denials, underpayments, timely-filing risk and unapplied money, and billers' actions on them.</summary>
    public WorklistOperations Worklists { get; }

    public ClusterOperations Cluster { get; }

    public static async Task<ArClusterClient> ConnectAsync(ArClusterClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await CheckDatabaseAsync(options.ConnectionString, cancellationToken);

        var deadline = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.ConnectionString;
            });
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (deadline.Elapsed >= options.ConnectTimeout)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"No silo of cluster '{options.ClusterId}' answered within {options.ConnectTimeout.TotalSeconds:0} s ({e.Message}). " +
                "Start one (dotnet run --project silo/ArCluster.Silo) or check the cluster id and connection string.", e);
        }

        return new ArClusterClient(host, host.Services.GetRequiredService<IClusterClient>(), options.User);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>Fails in seconds with a plain reason, rather than letting Orleans retry a bad database.</summary>
    private static async Task CheckDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ClusterUnavailableException($"The cluster connection string is not valid: {e.Message}", e);
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new ClusterUnavailableException(
                $"Cannot reach the cluster's PostgreSQL at {target.Host}:{target.Port} (database '{target.Database}', user '{target.Username}'): {e.Message}", e);
        }
    }
}
