using ArCluster.Abstractions.Errors;
using ArCluster.Client;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Hosting;

/// <summary>The real silo host, started as operators start it, on loopback ports and real PostgreSQL.</summary>
public class SiloProcessTest
{
    [Fact]
    public async Task A_practice_written_through_the_client_library_survives_a_silo_restart()
    {
        var database = await TestPostgres.CreateDatabaseAsync("restart");
        var clusterId = $"restart-{Guid.NewGuid():N}";
        var registration = SamplePractices.Family("survivor");

        await using (var silo = await SiloProcess.StartAsync(database, clusterId))
        {
            await using var client = await ConnectAsync(database, clusterId);
            await client.Practices.RegisterAsync(registration);
            await client.Practices.UpdateAsync(registration with { Name = "Riverside Family Medicine PC" }, expectedVersion: 1);
            await silo.StopAsync();
            Assert.Equal(0, silo.ExitCode);
        }

        await using var restarted = await SiloProcess.StartAsync(database, clusterId);
        await using var again = await ConnectAsync(database, clusterId);
        var practice = await again.Practices.GetAsync("survivor");

        Assert.Equal("Riverside Family Medicine PC", practice.Name);
        Assert.Equal(2, practice.Version);
        Assert.Equal(registration.Payers.Select(p => p.PayerId), practice.Payers.Select(p => p.PayerId));
    }

    [Fact]
    public async Task Two_silo_processes_join_one_cluster_and_a_client_reaches_grains_on_both()
    {
        var database = await TestPostgres.CreateDatabaseAsync("two-silos");
        var clusterId = $"pair-{Guid.NewGuid():N}";
        await using var first = await SiloProcess.StartAsync(database, clusterId);
        await using var second = await SiloProcess.StartAsync(database, clusterId);
        var health = await first.WaitUntilHealthyAsync(expectedActiveMembers: 2, TimeSpan.FromSeconds(60));
        await using var client = await ConnectAsync(database, clusterId);

        var members = await client.Cluster.GetActiveMembersAsync();
        var hosts = new HashSet<string>();
        for (var i = 0; i < 64 && hosts.Count < 2; i++)
        {
            hosts.Add(await client.Cluster.LocateProbeAsync($"probe-{i}"));
        }

        Assert.Equal(2, health.ActiveMembers.Count);
        Assert.Equal(2, members.Count);
        Assert.Equal(members.Select(m => m.Address).Order(), hosts.Order());
        foreach (var id in Enumerable.Range(0, 10).Select(i => $"pair-practice-{i}"))
        {
            await client.Practices.RegisterAsync(SamplePractices.Family(id));
            Assert.Equal(id, (await client.Practices.GetAsync(id)).PracticeId);
        }

        await second.StopAsync();
        var afterLeave = await first.WaitUntilHealthyAsync(expectedActiveMembers: 1, TimeSpan.FromSeconds(30));
        Assert.Single(afterLeave.ActiveMembers);
        Assert.Equal("pair-practice-3", (await client.Practices.GetAsync("pair-practice-3")).PracticeId);
    }

    [Fact]
    public async Task A_silo_whose_database_is_unreachable_stops_at_once_and_says_what_to_fix()
    {
        var closedPort = FreePorts.Take(1)[0];
        await using var silo = SiloProcess.Launch(
            $"Host=127.0.0.1;Port={closedPort};Database=arcluster;Username=arcluster;Password=pw", "unreachable");

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), silo.Output);
        Assert.Equal(2, silo.ExitCode);
        Assert.Contains($"Cannot reach PostgreSQL at 127.0.0.1:{closedPort}", silo.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:ArCluster", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_with_a_malformed_connection_string_stops_at_once_and_says_so()
    {
        await using var silo = SiloProcess.Launch("Hots=127.0.0.1;Prot=5432", "malformed");

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), silo.Output);
        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("connection string is not valid", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_no_silo_to_talk_to_fails_with_a_clear_message()
    {
        var database = await TestPostgres.CreateDatabaseAsync("no-silo");
        await new Persistence.Schema.SchemaMigrator(database).MigrateAsync();

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ArClusterClient.ConnectAsync(
            new ArClusterClientOptions { ConnectionString = database, ClusterId = "empty", ServiceId = "empty", ConnectTimeout = TimeSpan.FromSeconds(3) }));

        Assert.Contains("No silo of cluster 'empty' answered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_unknown_practice_through_the_client_says_it_does_not_exist()
    {
        var database = await TestPostgres.CreateDatabaseAsync("unknown");
        var clusterId = $"unknown-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.StartAsync(database, clusterId);
        await using var client = await ConnectAsync(database, clusterId);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => client.Practices.GetAsync("nobody"));

        Assert.Equal("Practice 'nobody' does not exist.", error.Message);
    }

    private static Task<ArClusterClient> ConnectAsync(string database, string clusterId) =>
        ArClusterClient.ConnectAsync(new ArClusterClientOptions { ConnectionString = database, ClusterId = clusterId, ServiceId = clusterId });
}
