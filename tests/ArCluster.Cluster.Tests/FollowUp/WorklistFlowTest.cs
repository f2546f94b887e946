using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Worklists;
using ArCluster.Cluster.Tests.Ledger;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.FollowUp;

/// <summary>A biller works what the claims raised: appeals a denial before its deadline and writes off an aged balance.</summary>
public class WorklistFlowTest(BusinessTimeCluster cluster) : IClassFixture<BusinessTimeCluster>
{
    private const string Practice = "flow";

    [Fact]
    public async Task A_denial_raised_by_its_claim_is_appealed_and_an_aged_balance_written_off_leaving_the_lists_with_who_and_when()
    {
        var ledger = new LedgerFixture(cluster, Practice);
        var lists = cluster.Grains.GetGrain<IWorklistGrain>(Practice);
        await ledger.RegisterPracticeAsync();
        await ledger.OpenAccountAsync("A1");
        var serviceDate = cluster.Today.AddDays(-3);
        await ledger.OpenClaimAsync("DEN", "A1", serviceDate, SampleLedger.Medicare);
        await ledger.OpenClaimAsync("OLD", "A1", serviceDate);

        cluster.Clock.Advance(TimeSpan.FromDays(10));
        await ledger.Claim("DEN").PostPayerPayment(new PostPayerPayment("DENY-1", Party.Primary, cluster.Today,
            [new LinePaid(1, 0m, [new CasAdjustment("CO", "197", 120m)]), new LinePaid(2, 0m, [new CasAdjustment("CO", "197", 30m)]), new LinePaid(3, 0m, [new CasAdjustment("CO", "197", 20m)])],
            [], "PCN-D", null), "poster.ann");

        var denials = await lists.Denials();
        var group = Assert.Single(denials.Groups);
        Assert.Equal((SampleLedger.Medicare, "CO-197", 1, 170.00m, cluster.Today.AddDays(120)), (group.PayerId, group.Reason, group.Count, group.Amount, group.EarliestDeadline));

        var denial = Assert.Single((await lists.List(new WorklistQuery(WorklistItemKind.Denial))).Items);
        var appealed = await lists.Act(new WorklistActionRequest("appeal-den-1", denial.Key, WorklistActionKind.Appeal, "biller.bo", "records and op note sent"));
        Assert.Equal((WorklistItemStatus.Appealed, "biller.bo"), (appealed.Item.Status, appealed.Action.Actor));
        Assert.Equal(cluster.Clock.GetUtcNow(), appealed.Action.ActedAt);
        Assert.Equal("Appealed", (await ledger.Claim("DEN").Read()).Status);
        Assert.Empty((await lists.List(new WorklistQuery(WorklistItemKind.Denial))).Items);

        // Both claims age past 61 days unanswered; the appealed one is chased for its appeal's answer.
        cluster.Clock.Advance(TimeSpan.FromDays(55));
        await ledger.Claim("DEN").CheckFollowUp();
        await ledger.Claim("OLD").CheckFollowUp();
        var followUps = (await lists.List(new WorklistQuery(WorklistItemKind.FollowUp))).Items.OrderBy(i => i.Key, StringComparer.Ordinal).ToArray();
        Assert.Equal(["DEN/noresponse/primary/2026-01-15", "OLD/aging/61"], followUps.Select(i => i.Key));

        var written = await lists.Act(new WorklistActionRequest("wo-old-1", "OLD/aging/61", WorklistActionKind.WriteOff, "biller.bo", "small balance, not worth pursuing", WriteOffGroup: "CO", WriteOffReason: "45"));
        var claim = await ledger.Claim("OLD").Read();
        Assert.Equal((WorklistItemStatus.WrittenOff, "Closed", 0m), (written.Item.Status, claim.Status, claim.Balance.Total));
        Assert.Equal(170.00m, claim.Totals.Adjustments);
        Assert.Equal(written.Action.PostingId, claim.History[^1].PostingId);

        // Sent again, the action posts nothing more.
        var again = await lists.Act(new WorklistActionRequest("wo-old-1", "OLD/aging/61", WorklistActionKind.WriteOff, "biller.bo", "small balance, not worth pursuing", WriteOffGroup: "CO", WriteOffReason: "45"));
        Assert.True(again.Replayed);
        Assert.Equal(claim.Version, (await ledger.Claim("OLD").Read()).Version);

        var left = (await lists.List(new WorklistQuery())).Items;
        Assert.Equal(["DEN/noresponse/primary/2026-01-15"], left.Select(i => i.Key));
        var history = await lists.Item("OLD/aging/61");
        Assert.Equal([(WorklistActionKind.WriteOff, "biller.bo")], history.History.Select(h => (h.Action, h.Actor)));
    }
}
