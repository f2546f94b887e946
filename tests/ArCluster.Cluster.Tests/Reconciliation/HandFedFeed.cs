using System.Collections.Immutable;
using ArCluster.Client;
using ArCluster.Grains.Feed;
using ArCluster.Persistence.Feed;
using ArCluster.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// A test cluster whose feed publisher reads the journal once, when it is first activated, and then
/// stays silent for an hour (no polling, no reminders, no keeper): the test is the ledger stream's
/// only real publisher and decides exactly which batches a practice's reconciliation receives.
/// </summary>
public sealed class QuietPublisherCluster : PostgresTestCluster
{
    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["ArCluster:LedgerFeed:Enabled"] = "false";
        builder.Properties["ArCluster:LedgerFeed:PollInterval"] = "01:00:00";
        builder.Properties["ArCluster:LedgerFeed:ResendAfter"] = "01:00:00";
    }
}

/// <summary>
/// One practice whose postings the test reads from the journal and hands to the ledger stream
/// itself, as batches of its choosing, then checks the practice's live totals against the journal.
/// </summary>
internal sealed class HandFedFeed : IAsyncDisposable
{
    private const int ClaimsPerTransaction = 4;

    /// <summary>Long enough for anything still in a stream queue to be delivered (queues are polled every 100 ms).</summary>
    private static readonly TimeSpan QueueDrain = TimeSpan.FromSeconds(1);

    private readonly PostgresTestCluster _cluster;
    private readonly ArClusterClient _client;
    private readonly LedgerFeedReader _reader;
    private readonly IAsyncStream<LedgerFeedBatch> _stream;
    private readonly List<FeedPosting> _seen = [];
    private int _files;

    private HandFedFeed(PostgresTestCluster cluster, ArClusterClient client, EraWorkload workload)
    {
        _cluster = cluster;
        _client = client;
        Workload = workload;
        var silo = cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress);
        _reader = silo.GetRequiredService<LedgerFeedReader>();
        _stream = silo.GetRequiredService<IClusterClient>().GetStreamProvider(LedgerFeedStreams.Provider)
            .GetStream<LedgerFeedBatch>(LedgerFeedStreams.For(workload.PracticeId));
    }

    public EraWorkload Workload { get; }

    public string PracticeId => Workload.PracticeId;

    /// <summary>Registers the practice and enters its claims; returns the postings that made (their charges).</summary>
    public static async Task<(HandFedFeed Feed, IReadOnlyList<FeedPosting> Opening)> OpenAsync(PostgresTestCluster cluster, string practiceId, int claims)
    {
        var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
        {
            ConnectionString = cluster.ConnectionString,
            ClusterId = cluster.Cluster.Options.ClusterId,
            ServiceId = cluster.Cluster.Options.ServiceId,
            User = "poster.feed",
        });
        var feed = new HandFedFeed(cluster, client, new EraWorkload(practiceId, SampleLedger.Commercial, claims, ClaimsPerTransaction));
        await WorkloadEntry.EnterAsync(client, feed.Workload);
        return (feed, await feed.ReadNewPostingsAsync());
    }

    /// <summary>Posts an 835 paying claims [first, first + count) and returns the postings it made, in feed order.</summary>
    public async Task<IReadOnlyList<FeedPosting>> PostEraAsync(int first, int count)
    {
        var path = await WorkloadEntry.WriteEraAsync(Workload, $"HF{++_files}T", first, count);
        try
        {
            var report = await _client.Remittances.IngestFileAsync(path, PracticeId);
            Assert.All(report.Transactions, t => Assert.Equal(Abstractions.Remittances.RemittanceOutcome.Posted, t.Outcome));
        }
        finally
        {
            File.Delete(path);
        }

        return await ReadNewPostingsAsync();
    }

    /// <summary>A batch as the publisher makes it: the practice's postings, after the one it published before.</summary>
    public LedgerFeedBatch Batch(FeedCursor? previous, IEnumerable<FeedPosting> postings)
    {
        var all = postings.ToImmutableArray();
        return new LedgerFeedBatch(PracticeId, previous, all[^1].Cursor, all);
    }

    /// <summary>A reminder as the publisher sends it to a silent consumer: no postings, only where the practice's feed is.</summary>
    public LedgerFeedBatch Reminder(FeedCursor last) => new(PracticeId, last, last, []);

    public async Task PublishAsync(params LedgerFeedBatch[] batches)
    {
        foreach (var batch in batches)
        {
            await _stream.OnNextAsync(batch);
        }
    }

    /// <summary>
    /// The practice's live figures equal a SQL sum of its journal: once reached, still so after any
    /// batch left in the stream has arrived, and verification agrees and changes nothing.
    /// </summary>
    public async Task AssertTotalsEqualJournalAsync()
    {
        await AssertLiveEqualsJournalAsync(through: null);
        var journal = await JournalFigures.ReadAsync(_cluster.ConnectionString, PracticeId);

        var verification = await _client.Reconciliation.VerifyAsync(PracticeId);
        Assert.True(verification.Clean, string.Join("; ", verification.Mismatches));
        Assert.Equal(journal, await LiveAsync());
    }

    /// <summary>
    /// The practice's live figures equal a SQL sum of its journal up to <paramref name="through"/>
    /// (what the batches so far cover), and stay so once anything left in the stream has arrived.
    /// </summary>
    public Task AssertTotalsEqualJournalThroughAsync(FeedCursor through) => AssertLiveEqualsJournalAsync(through);

    private async Task AssertLiveEqualsJournalAsync(FeedCursor? through)
    {
        var journal = await JournalFigures.ReadAsync(_cluster.ConnectionString, PracticeId, through);
        await Eventually.ValueAsync(LiveAsync, live => live == journal, TimeSpan.FromSeconds(30));
        await Task.Delay(QueueDrain);
        Assert.Equal(journal, await LiveAsync());
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task<JournalFigures> LiveAsync() =>
        JournalFigures.Of((await _client.Reconciliation.GetAsync(PracticeId, DateOnly.MinValue, DateOnly.MaxValue)).Totals);

    /// <summary>The practice's postings not read before, once every one of them is settled in the feed.</summary>
    private async Task<IReadOnlyList<FeedPosting>> ReadNewPostingsAsync()
    {
        var stored = await TestSql.ScalarAsync(_cluster.ConnectionString, $"SELECT count(*) FROM arcluster_ledger_posting WHERE practice_id = '{PracticeId}'");
        var after = _seen.Count == 0 ? FeedCursor.Start : _seen[^1].Cursor;
        var fresh = await Eventually.ValueAsync(
            async () => await _reader.ReadPracticeAsync(PracticeId, after, await _reader.SettledThroughAsync(), 100_000),
            page => _seen.Count + page.Count == stored,
            TimeSpan.FromSeconds(30));
        Assert.NotEmpty(fresh);
        _seen.AddRange(fresh);
        return fresh;
    }
}
