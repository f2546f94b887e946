using System.Collections.Concurrent;
using ArCluster.Client;
using ArCluster.Grains.Feed;
using ArCluster.Testing;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// A batch lost in flight with nothing after it (the last 835 of the day, and the silo holding its
/// stream queue dies): no later batch reveals the gap, so only the publisher's reminders can tell the
/// practice's reconciliation where its feed is, and it reads what it missed from the journal.
/// </summary>
public class LostDeliveryTest(LosingCluster cluster) : IClassFixture<LosingCluster>
{
    private const int Claims = 24;

    [Fact]
    public async Task Batches_lost_on_the_way_with_nothing_after_them_are_brought_in_by_the_publishers_reminders()
    {
        const string practiceId = "lost-tail";
        await using var client = await ConnectAsync();
        var workload = new EraWorkload(practiceId, SampleLedger.Commercial, Claims, 8);
        await WorkloadEntry.EnterAsync(client, workload);
        var charges = Enumerable.Range(0, Claims).Sum(EraWorkload.ChargeOf);
        await Eventually.ValueAsync(() => client.Reconciliation.GetAsync(practiceId, DateOnly.MinValue, DateOnly.MaxValue), v => v.Totals.Charges == charges);

        // From here on every batch carrying this practice's postings is lost; reminders get through.
        LosingBatchesWithPostings.Lose(practiceId, remindersToo: false);
        await PostEraAsync(client, workload, "LOSTT");

        // No verify, no rebuild, nothing posted after: the reminders alone bring the 835 in.
        var day = EraWorkload.PaymentDate;
        var paid = Enumerable.Range(0, Claims).Sum(EraWorkload.PaidOf);
        var view = await Eventually.ValueAsync(
            () => client.Reconciliation.GetAsync(practiceId, day, day),
            v => v.Totals.PayerPayments == paid,
            TimeSpan.FromSeconds(30));
        Assert.True(LosingBatchesWithPostings.LostFor(practiceId) > 0, "no batch of the 835 was lost: the test proved nothing");
        Assert.Equal(EraWorkload.TotalPaymentOf(0, Claims), view.Totals.RemittanceAdvices);
        Assert.Equal(0m, view.Totals.PostingVariance);
        var journal = await JournalFigures.ReadAsync(cluster.ConnectionString, practiceId);
        Assert.Equal(journal, JournalFigures.Of((await client.Reconciliation.GetAsync(practiceId, DateOnly.MinValue, DateOnly.MaxValue)).Totals));

        var verification = await client.Reconciliation.VerifyAsync(practiceId);
        Assert.True(verification.Clean, string.Join("; ", verification.Mismatches));
    }

    [Fact]
    public async Task A_practice_whose_batches_cannot_be_published_holds_up_no_other_and_still_catches_up()
    {
        await using var client = await ConnectAsync();
        var stuck = new EraWorkload("publish-fails", SampleLedger.Commercial, Claims, 8);
        var healthy = new EraWorkload("publish-works", SampleLedger.Commercial, Claims, 8);
        await WorkloadEntry.EnterAsync(client, stuck);
        await WorkloadEntry.EnterAsync(client, healthy);
        var charges = Enumerable.Range(0, Claims).Sum(EraWorkload.ChargeOf);
        await Eventually.ValueAsync(() => client.Reconciliation.GetAsync("publish-fails", DateOnly.MinValue, DateOnly.MaxValue), v => v.Totals.Charges == charges);

        LosingBatchesWithPostings.Fail("publish-fails");
        await PostEraAsync(client, stuck, "FAILS");
        await PostEraAsync(client, healthy, "WORKS");

        var day = EraWorkload.PaymentDate;
        var paid = Enumerable.Range(0, Claims).Sum(EraWorkload.PaidOf);
        await Eventually.ValueAsync(() => client.Reconciliation.GetAsync("publish-works", day, day), v => v.Totals.PayerPayments == paid, TimeSpan.FromSeconds(30));
        await Eventually.ValueAsync(() => client.Reconciliation.GetAsync("publish-fails", day, day), v => v.Totals.PayerPayments == paid, TimeSpan.FromSeconds(30));
        Assert.True(LosingBatchesWithPostings.LostFor("publish-fails") > 0, "no publish failed: the test proved nothing");
        Assert.True((await client.Reconciliation.VerifyAsync("publish-fails")).Clean);
    }

    [Fact]
    public async Task A_lost_batch_the_publisher_restarted_over_is_still_brought_in()
    {
        const string practiceId = "lost-restart";
        await using var client = await ConnectAsync();
        var workload = new EraWorkload(practiceId, SampleLedger.Commercial, Claims, 8);
        await WorkloadEntry.EnterAsync(client, workload);
        var charges = Enumerable.Range(0, Claims).Sum(EraWorkload.ChargeOf);
        await Eventually.ValueAsync(() => client.Reconciliation.GetAsync(practiceId, DateOnly.MinValue, DateOnly.MaxValue), v => v.Totals.Charges == charges);

        // The 835's batches and the reminders for them are all lost, for longer than the publisher
        // takes to save its restart point: that point must stay behind what was never confirmed.
        LosingBatchesWithPostings.Lose(practiceId, remindersToo: true);
        await PostEraAsync(client, workload, "LOSTR");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var day = EraWorkload.PaymentDate;
        Assert.Equal(0m, (await client.Reconciliation.GetAsync(practiceId, day, day)).Totals.PayerPayments);

        // The publisher starts again; what it publishes now is lost again, but its reminders get through.
        LosingBatchesWithPostings.Lose(practiceId, remindersToo: false);
        await cluster.Cluster.DeactivateAsync(cluster.Grains.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher));
        var paid = Enumerable.Range(0, Claims).Sum(EraWorkload.PaidOf);
        var view = await Eventually.ValueAsync(
            () => client.Reconciliation.GetAsync(practiceId, day, day),
            v => v.Totals.PayerPayments == paid,
            TimeSpan.FromSeconds(30));
        Assert.Equal(EraWorkload.TotalPaymentOf(0, Claims), view.Totals.RemittanceAdvices);
        var journal = await JournalFigures.ReadAsync(cluster.ConnectionString, practiceId);
        Assert.Equal(journal, JournalFigures.Of((await client.Reconciliation.GetAsync(practiceId, DateOnly.MinValue, DateOnly.MaxValue)).Totals));
    }

    private Task<ArClusterClient> ConnectAsync() => ArClusterClient.ConnectAsync(new ArClusterClientOptions
    {
        ConnectionString = cluster.ConnectionString,
        ClusterId = cluster.Cluster.Options.ClusterId,
        ServiceId = cluster.Cluster.Options.ServiceId,
        User = "poster.lost",
    });

    private static async Task PostEraAsync(ArClusterClient client, EraWorkload workload, string tracePrefix)
    {
        var path = await WorkloadEntry.WriteEraAsync(workload, tracePrefix, 0, workload.Claims);
        try
        {
            var report = await client.Remittances.IngestFileAsync(path, workload.PracticeId);
            Assert.All(report.Transactions, t => Assert.Equal(Abstractions.Remittances.RemittanceOutcome.Posted, t.Outcome));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The real cluster, except that ledger batches of chosen practices are lost on their way into their stream queue.</summary>
public sealed class LosingCluster : PostgresTestCluster
{
    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Losing>();

    private sealed class Losing : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter<LosingBatchesWithPostings>();
    }
}

/// <summary>
/// Loses, on its way into its stream queue, every ledger batch that carries postings of a chosen
/// practice (and, if asked, its reminders too) — as the queue of a silo that dies is lost with the
/// batches in it — while the publisher believes it sent them.
/// </summary>
internal sealed class LosingBatchesWithPostings(Serializer<MemoryMessageBody> bodies) : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, bool> Losing = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Failing = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> Lost = new(StringComparer.Ordinal);

    public static void Lose(string practiceId, bool remindersToo) => Losing[practiceId] = remindersToo;

    /// <summary>Refuses (throws on) every batch with postings of the practice, as a queue that cannot be reached.</summary>
    public static void Fail(string practiceId) => Failing[practiceId] = true;

    public static int LostFor(string practiceId) => Lost.GetValueOrDefault(practiceId);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() > 0
            && context.Request.GetArgument(0) is MemoryMessageData message
            && message.StreamId.GetNamespace() == LedgerFeedStreams.Namespace
            && message.StreamId.GetKeyAsString() is { } practiceId
            && (Losing.TryGetValue(practiceId, out var remindersToo) || Failing.ContainsKey(practiceId))
            && bodies.Deserialize(message.Payload.ToArray())?.Events?.OfType<LedgerFeedBatch>().Any(b => remindersToo || !b.Postings.IsEmpty) == true)
        {
            Lost.AddOrUpdate(practiceId, 1, (_, n) => n + 1);
            if (Failing.ContainsKey(practiceId))
            {
                throw new InvalidOperationException($"The stream queue of practice '{practiceId}' cannot be reached (test).");
            }

            // Answered as a stored batch is, so the publisher goes on as if it were in the queue.
            context.Result = null;
            return Task.CompletedTask;
        }

        return context.Invoke();
    }
}
