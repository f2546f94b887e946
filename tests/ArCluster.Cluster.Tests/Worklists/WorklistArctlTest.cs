using System.Text.Json;
using ArCluster.Testing;
using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests.Worklists;

/// <summary>arctl worklist as a script runs it: its own process, --json, exit codes, against the test cluster.</summary>
public class WorklistArctlTest(WorklistArctlTest.Cluster cluster) : IClassFixture<WorklistArctlTest.Cluster>
{
    private const string User = "arctl.biller";

    private static readonly string[] JsonOption = ["--json"];

    [Fact]
    public async Task A_biller_lists_groups_shows_and_writes_off_a_denial_through_arctl()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-arctl");
        var denial = await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(30));
        await scenario.DeniedClaimAsync("C2", WorklistScenario.Today.AddDays(5));

        var list = await SucceedsAsync("worklist", scenario.PracticeId, "--list", "denials", "--payer", "87726");
        var groups = await SucceedsAsync("worklist", "denials", scenario.PracticeId);
        var writeOff = await SucceedsAsync("worklist", "write-off", scenario.PracticeId, denial.Key, "--reason", "50", "--action-id", "wo-1");
        var again = await SucceedsAsync("worklist", "write-off", scenario.PracticeId, denial.Key, "--reason", "50", "--action-id", "wo-1");
        var shown = await SucceedsAsync("worklist", "show", scenario.PracticeId, denial.Key);
        var late = await RunAsync("worklist", "appeal", scenario.PracticeId, denial.Key);
        var unknown = await RunAsync("worklist", "show", scenario.PracticeId, "C404/denial/2026-10-30");
        var tables = await Task.WhenAll(
            TableAsync("worklist", scenario.PracticeId, "--all"), TableAsync("worklist", "denials", scenario.PracticeId), TableAsync("worklist", "show", scenario.PracticeId, denial.Key));

        Assert.Equal(["C2/denial/2026-10-30", "C1/denial/2026-10-30"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        var group = Assert.Single(groups.GetProperty("groups").EnumerateArray());
        Assert.Equal(("CO-50", 2, 340.00m), (group.GetProperty("reason").GetString(), group.GetProperty("count").GetInt32(), group.GetProperty("amount").GetDecimal()));
        Assert.Equal(("WrittenOff", 0m), (writeOff.GetProperty("item").GetProperty("status").GetString(), writeOff.GetProperty("posting").GetProperty("balanceAfter").GetProperty("total").GetDecimal()));
        Assert.True(again.GetProperty("replayed").GetBoolean());
        var history = Assert.Single(shown.GetProperty("history").EnumerateArray());
        Assert.Equal((User, "worklist-wo-1"), (history.GetProperty("actor").GetString(), history.GetProperty("postingId").GetString()));
        Assert.Equal(1, late.ExitCode);
        Assert.Contains("only a note can be added to a closed item", late.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'wl-arctl/C404/denial/2026-10-30' does not exist", unknown.Stderr, StringComparison.Ordinal);
        Assert.All(tables, t => Assert.True(t.ExitCode == 0, t.Stderr));
        Assert.Contains("Worklist — wl-arctl", tables[0].Stdout, StringComparison.Ordinal);
        Assert.Contains("CO-50", tables[1].Stdout, StringComparison.Ordinal);
        Assert.Contains("worklist-wo-1", tables[2].Stdout, StringComparison.Ordinal);
    }

    /// <summary>The same command as people read it: a table, no --json.</summary>
    private Task<(int ExitCode, string Stdout, string Stderr)> TableAsync(params string[] args) => RunAsync(args, json: false);

    private async Task<JsonElement> SucceedsAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"arctl {string.Join(' ', args)} exited with {result.ExitCode}:\n{result.Stderr}{result.Stdout}");
        return JsonSerializer.Deserialize<JsonElement>(result.Stdout);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(args, json: true);

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, bool json) =>
        ArctlProcess.RunAsync(cluster.ConnectionString, cluster.Cluster.Options.ClusterId, User, [.. args, .. (json ? JsonOption : [])]);

    /// <summary>arctl names one id for both cluster and service, as the real silo does.</summary>
    public sealed class Cluster : PostgresTestCluster
    {
        protected override void Configure(TestClusterBuilder builder) => builder.Options.ServiceId = builder.Options.ClusterId;
    }
}
