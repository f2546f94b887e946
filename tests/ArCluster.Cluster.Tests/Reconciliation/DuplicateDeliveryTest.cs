using ArCluster.Grains.Feed;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// The ledger stream delivers at least once, in no promised order, and may lose a batch when a silo
/// dies. Whatever it delivers — a batch twice, a batch with no previous cursor, a batch after a lost
/// one, a bare reminder, batches out of order, a page published again — a practice's reconciliation
/// counts every posting exactly once: its figures equal the journal after each delivery.
/// </summary>
public class DuplicateDeliveryTest(QuietPublisherCluster cluster) : IClassFixture<QuietPublisherCluster>, IAsyncLifetime
{
    private const int Claims = 12;

    private long _publishedBefore;

    public async Task InitializeAsync()
    {
        // The publisher reads the journal once, on activation: before anything is posted, so every
        // batch a reconciliation receives here is one the test sent.
        await cluster.Grains.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher).Ensure();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        _publishedBefore = (await cluster.Grains.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher).Progress()).PostingsPublished;
    }

    public async Task DisposeAsync()
    {
        var progress = await cluster.Grains.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher).Progress();
        Assert.Equal(_publishedBefore, progress.PostingsPublished);
    }

    [Fact]
    public async Task The_same_batch_delivered_twice_counts_once()
    {
        var (feed, opening) = await HandFedFeed.OpenAsync(cluster, "dup-twice", Claims);
        await using var _ = feed;
        await feed.PublishAsync(feed.Batch(null, opening));
        await feed.AssertTotalsEqualJournalAsync();

        var first = await feed.PostEraAsync(0, 8);
        var paying = feed.Batch(opening[^1].Cursor, first);
        await feed.PublishAsync(paying, paying);
        await feed.AssertTotalsEqualJournalAsync();

        var second = await feed.PostEraAsync(8, 4);
        var next = feed.Batch(first[^1].Cursor, second);
        await feed.PublishAsync(next, paying, next, paying);
        await feed.AssertTotalsEqualJournalAsync();
    }

    [Fact]
    public async Task A_batch_from_a_restarted_publisher_without_a_previous_cursor_reads_what_came_before_from_the_journal()
    {
        // The charges were never delivered; the restarted publisher does not know what it sent last.
        var (feed, _) = await HandFedFeed.OpenAsync(cluster, "dup-restart", Claims);
        await using var __ = feed;
        var paid = await feed.PostEraAsync(0, Claims);
        var restarted = feed.Batch(null, paid);
        await feed.PublishAsync(restarted);
        await feed.AssertTotalsEqualJournalAsync();

        await feed.PublishAsync(restarted, feed.Batch(null, paid.Take(3)));
        await feed.AssertTotalsEqualJournalAsync();
    }

    [Fact]
    public async Task A_batch_after_a_lost_one_reads_the_gap_back_from_the_journal()
    {
        var (feed, opening) = await HandFedFeed.OpenAsync(cluster, "dup-gap", Claims);
        await using var _ = feed;
        await feed.PublishAsync(feed.Batch(null, opening));
        await feed.AssertTotalsEqualJournalAsync();

        var lost = await feed.PostEraAsync(0, 4);
        var after = await feed.PostEraAsync(4, 4);
        await feed.PublishAsync(feed.Batch(lost[^1].Cursor, after));
        await feed.AssertTotalsEqualJournalAsync();

        // The lost batch turns up after all.
        await feed.PublishAsync(feed.Batch(opening[^1].Cursor, lost));
        await feed.AssertTotalsEqualJournalAsync();

        // A batch that skips the first half of a posting run: its previous cursor is past the mark.
        var run = await feed.PostEraAsync(8, 4);
        var half = run.Count / 2;
        await feed.PublishAsync(feed.Batch(run[half - 1].Cursor, run.Skip(half)));
        await feed.AssertTotalsEqualJournalAsync();
    }

    [Fact]
    public async Task A_reminder_past_the_mark_brings_in_postings_the_stream_never_delivered()
    {
        var (feed, opening) = await HandFedFeed.OpenAsync(cluster, "dup-reminder", Claims);
        await using var _ = feed;
        await feed.PublishAsync(feed.Reminder(opening[^1].Cursor));
        await feed.AssertTotalsEqualJournalAsync();

        var undelivered = await feed.PostEraAsync(0, 8);
        await feed.PublishAsync(feed.Reminder(undelivered[^1].Cursor));
        await feed.AssertTotalsEqualJournalAsync();

        // Reminders at or behind the mark, and the batch they stood for arriving late, change nothing.
        await feed.PublishAsync(feed.Reminder(undelivered[^1].Cursor), feed.Reminder(opening[^1].Cursor), feed.Batch(opening[^1].Cursor, undelivered));
        await feed.AssertTotalsEqualJournalAsync();
    }

    [Fact]
    public async Task Batches_delivered_out_of_order_count_once_each()
    {
        var (feed, opening) = await HandFedFeed.OpenAsync(cluster, "dup-order", Claims);
        await using var _ = feed;
        await feed.PublishAsync(feed.Batch(null, opening));
        await feed.AssertTotalsEqualJournalAsync();

        var a = await feed.PostEraAsync(0, 4);
        var b = await feed.PostEraAsync(4, 4);
        var c = await feed.PostEraAsync(8, 4);
        var batchA = feed.Batch(opening[^1].Cursor, a);
        var batchB = feed.Batch(a[^1].Cursor, b);
        var batchC = feed.Batch(b[^1].Cursor, c);
        await feed.PublishAsync(batchC, batchA, batchB);
        await feed.AssertTotalsEqualJournalAsync();

        await feed.PublishAsync(batchB, batchA, batchC, feed.Batch(null, opening));
        await feed.AssertTotalsEqualJournalAsync();
    }

    [Fact]
    public async Task A_page_published_again_after_a_failed_publish_counts_only_its_new_postings()
    {
        var (feed, opening) = await HandFedFeed.OpenAsync(cluster, "dup-page", Claims);
        await using var _ = feed;
        await feed.PublishAsync(feed.Batch(null, opening));
        await feed.AssertTotalsEqualJournalAsync();

        // The publisher read a page, published part of it, failed, and read it again with more in it:
        // both batches carry the same previous cursor.
        var page = await feed.PostEraAsync(0, 8);
        var half = page.Count / 2;
        await feed.PublishAsync(feed.Batch(opening[^1].Cursor, page.Take(half)));
        await feed.AssertTotalsEqualJournalThroughAsync(page[half - 1].Cursor);

        var more = await feed.PostEraAsync(8, 4);
        await feed.PublishAsync(feed.Batch(opening[^1].Cursor, [.. page, .. more]));
        await feed.AssertTotalsEqualJournalAsync();
    }
}
