using ArCluster.Abstractions.Claims;
using ArCluster.Client;
using ArCluster.Domain;
using ArCluster.Domain.Worklists;
using ArCluster.Persistence.Worklists;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Cluster.Tests.Worklists;

/// <summary>
/// A practice with an account and claims opened through the client, and worklist items raised straight
/// into the store, as claim grains will once they sync their follow-up events.
/// </summary>
internal sealed class WorklistScenario(PostgresTestCluster cluster, ArClusterClient client, WorklistStore store, string practiceId) : IAsyncDisposable
{
    public const string User = "biller.one";

    private readonly Dictionary<string, List<WorklistEntry>> _raised = [];

    public string PracticeId => practiceId;

    public ArClusterClient Client => client;

    public WorklistStore Store => store;

    /// <summary>Billing's today, as the silo's clock reads it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static async Task<WorklistScenario> StartAsync(PostgresTestCluster cluster, string practiceId)
    {
        var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
        {
            ConnectionString = cluster.ConnectionString,
            ClusterId = cluster.Cluster.Options.ClusterId,
            ServiceId = cluster.Cluster.Options.ServiceId,
            User = User,
        });
        await client.Practices.RegisterAsync(SamplePractices.Family(practiceId));
        await client.Accounts.OpenAsync(SampleLedger.Account(practiceId, "A1"));
        return new WorklistScenario(cluster, client, new WorklistStore(NpgsqlDataSource.Create(cluster.ConnectionString)), practiceId);
    }

    /// <summary>Opens a claim (170.00 owed by UnitedHealthcare), has the payer deny it, and raises its denial item.</summary>
    public async Task<WorklistEntry> DeniedClaimAsync(string claimId, DateOnly? appealDeadline)
    {
        await client.Claims.CreateAsync(SampleLedger.OfficeVisit(practiceId, claimId, "A1", new DateOnly(2026, 10, 1)));
        await Claim(claimId).ChangeStatus(new ChangeClaimStatus($"deny-{claimId}", "Denied", "CO-50 on the 835"), "poster.era");
        return await RaiseAsync(claimId, WorklistKind.Denial, "CO-50", appealDeadline);
    }

    public async Task<WorklistEntry> RaiseAsync(string claimId, WorklistKind kind, string reason, DateOnly? deadline)
    {
        var entry = new WorklistEntry($"{claimId}/{kind.ToString().ToLowerInvariant()}/2026-10-30", kind, claimId, "A1", SampleLedger.Commercial, Money.Of(170.00m), reason, new DateOnly(2026, 10, 30), deadline);
        // A claim states all its open items at every sync, as claim grains will.
        var raised = _raised.TryGetValue(claimId, out var earlier) ? earlier : _raised[claimId] = [];
        raised.Add(entry);
        await store.SyncAsync(practiceId, $"claim:{claimId}", raised, raised.Select(e => e.Key).ToHashSet(), TimeProvider.System.GetUtcNow());
        return entry;
    }

    public IClaimGrain Claim(string claimId) => cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claimId}");

    public async ValueTask DisposeAsync() => await client.DisposeAsync();
}
