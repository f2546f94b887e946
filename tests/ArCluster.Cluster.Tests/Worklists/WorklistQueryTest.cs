using ArCluster.Abstractions.Worklists;
using ArCluster.Domain.Worklists;

namespace ArCluster.Cluster.Tests.Worklists;

/// <summary>What billers and supervisors read: the lists, denials by payer and reason, and the summary.</summary>
public class WorklistQueryTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task Lists_denials_and_the_summary_show_open_items_by_kind_payer_and_reason()
    {
        await using var scenario = await WorklistScenario.StartAsync(cluster, "wl-reads");
        await scenario.DeniedClaimAsync("C1", WorklistScenario.Today.AddDays(10));
        await scenario.DeniedClaimAsync("C2", WorklistScenario.Today.AddDays(40));
        var followUp = await scenario.RaiseAsync("C2", WorklistKind.FollowUp, "no response", null);
        await scenario.Client.Worklists.AssignAsync(scenario.PracticeId, followUp.Key, "james");

        var all = await scenario.Client.Worklists.ListAsync(scenario.PracticeId);
        var denials = await scenario.Client.Worklists.ListAsync(scenario.PracticeId, new WorklistQuery(Kind: WorklistItemKind.Denial, Limit: 1));
        var james = await scenario.Client.Worklists.ListAsync(scenario.PracticeId, new WorklistQuery(AssignedTo: "james"));
        var grouped = await scenario.Client.Worklists.DenialsAsync(scenario.PracticeId);
        var summary = await scenario.Client.Worklists.SummaryAsync(scenario.PracticeId);

        Assert.Equal(3, all.Items.Length);
        Assert.Equal((true, "C1/denial/2026-10-30"), (denials.Truncated, Assert.Single(denials.Items).Key));
        Assert.Equal(followUp.Key, Assert.Single(james.Items).Key);
        var group = Assert.Single(grouped.Groups);
        Assert.Equal(("87726", "CO-50", 2, 340.00m, (DateOnly?)WorklistScenario.Today.AddDays(10)), (group.PayerId, group.Reason, group.Count, group.Amount, group.EarliestDeadline));
        Assert.Equal(5, summary.Kinds.Length);
        Assert.Equal((2, 340.00m), summary.Kinds.Where(k => k.Kind == WorklistItemKind.Denial).Select(k => (k.Open, k.Amount)).Single());
        Assert.Equal(0, summary.Kinds.Single(k => k.Kind == WorklistItemKind.TimelyFiling).Open);
    }
}
