using System.Collections.Immutable;
using ArCluster.Persistence.Feed;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ArCluster.Grains.Feed;

/// <summary>
/// The outbox relay: reads the journal in feed order and publishes each practice's new postings on
/// its stream. The journal is the outbox (a posting and its place in the feed are one row), so a
/// crash anywhere loses nothing: a restart reads again from the point every consumer confirmed, and
/// consumers drop what they already applied. Streams may lose a batch in flight when a silo dies;
/// the consumer sees the gap from <see cref="LedgerFeedBatch.Previous"/>, or is reminded until it
/// confirms, and reads what it missed from the journal.
/// </summary>
public sealed class LedgerFeedGrain(
    LedgerFeedReader reader,
    FeedCursorStore cursors,
    LedgerFeedOptions options,
    TimeProvider clock,
    ILogger<LedgerFeedGrain> logger) : Grain, ILedgerFeedGrain
{
    private readonly Dictionary<string, FeedCursor> _lastPublished = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Consumer, string Practice), Unconfirmed> _unconfirmed = [];
    private FeedCursor _read;
    private FeedCursor _saved;
    private DateTimeOffset _savedAt;
    private long _published;
    private DateTimeOffset _pausedUntil;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _read = _saved = await cursors.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
        _savedAt = clock.GetUtcNow();
        logger.LogInformation("Ledger feed publisher starting at {Cursor}", _read);
        this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.PollInterval) { KeepAlive = true });
    }

    public Task Ensure() => Task.CompletedTask;

    public Task Confirm(string consumer, string practiceId, FeedCursor through)
    {
        var key = (consumer, practiceId);
        if (_unconfirmed.TryGetValue(key, out var waiting))
        {
            waiting.Confirmed = FeedCursor.Max(waiting.Confirmed, through);
            if (waiting.Confirmed >= waiting.Last)
            {
                _unconfirmed.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<LedgerFeedProgress> Progress() => Task.FromResult(new LedgerFeedProgress(_read, _saved, _unconfirmed.Count, _published));

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < _pausedUntil)
        {
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var postings = await reader.ReadAsync(_read, options.PageSize, cancellationToken);
                if (postings.Count == 0)
                {
                    break;
                }

                var before = _read;
                await Task.WhenAll(postings.GroupBy(p => p.PracticeId, StringComparer.Ordinal)
                    .Select(practice => PublishAsync(practice.Key, [.. practice], before)));
                _read = postings[^1].Cursor;
                _published += postings.Count;
                if (postings.Count < options.PageSize)
                {
                    break;
                }
            }

            await RemindAsync();
            await SaveAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The journal could not be read: the next attempt reads again from the last point fully
            // published (consumers drop repeats), after a pause so a database outage is not hammered.
            logger.LogWarning(e, "Ledger feed reading failed at {Cursor}; retrying in {Pause}", _read, options.ResendAfter);
            _pausedUntil = clock.GetUtcNow() + options.ResendAfter;
        }
    }

    private async Task PublishAsync(string practiceId, ImmutableArray<FeedPosting> postings, FeedCursor before)
    {
        var previous = _lastPublished.TryGetValue(practiceId, out var last) ? last : (FeedCursor?)null;
        var now = clock.GetUtcNow();
        foreach (var consumer in options.Consumers)
        {
            if (!_unconfirmed.TryGetValue((consumer, practiceId), out var waiting))
            {
                // Everything of this practice before this page was confirmed (or this activation
                // started after it): the restart point may not pass 'before' until this page is.
                waiting = new Unconfirmed { Confirmed = before };
                _unconfirmed[(consumer, practiceId)] = waiting;
            }

            waiting.Last = postings[^1].Cursor;
            waiting.SentAt = now;
        }

        // Orleans refuses messages over 1 MB; a posting with its entries is well under 1 KB.
        foreach (var batch in postings.Chunk(options.PostingsPerBatch))
        {
            try
            {
                await Stream(practiceId).OnNextAsync(new LedgerFeedBatch(practiceId, previous, batch[^1].Cursor, [.. batch]));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Handled like a batch lost in a queue: it stays unconfirmed, so the consumer is reminded
                // and reads it back from the journal. One practice's trouble must not stop the others'.
                logger.LogWarning(e, "Publishing practice {Practice}'s feed through {Cursor} failed; its consumer will read it back", practiceId, batch[^1].Cursor);
            }

            // Moved on even when publishing failed: the next batch then names this one as its
            // predecessor, and a consumer that never saw it finds the gap instead of skipping it.
            previous = batch[^1].Cursor;
            _lastPublished[practiceId] = batch[^1].Cursor;
        }
    }

    /// <summary>Tells every consumer silent for too long where its practice's feed is, so it reads back anything it lost.</summary>
    private async Task RemindAsync()
    {
        var now = clock.GetUtcNow();
        var due = _unconfirmed.Where(u => now - u.Value.SentAt >= options.ResendAfter)
            .Select(u => (u.Key.Practice, u.Value))
            .ToArray();
        foreach (var practice in due.GroupBy(d => d.Practice, StringComparer.Ordinal))
        {
            var last = practice.Max(d => d.Value.Last);
            foreach (var (_, waiting) in practice)
            {
                waiting.SentAt = now;
            }

            await Stream(practice.Key).OnNextAsync(new LedgerFeedBatch(practice.Key, last, last, []));
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var restartAt = _unconfirmed.Values.Select(u => u.Confirmed).Append(_read).Min();
        if (restartAt != _saved && clock.GetUtcNow() - _savedAt >= options.SaveEvery)
        {
            await cursors.SaveAsync(this.GetPrimaryKeyString(), restartAt, cancellationToken);
            _saved = restartAt;
            _savedAt = clock.GetUtcNow();
        }
    }

    private IAsyncStream<LedgerFeedBatch> Stream(string practiceId) =>
        this.GetStreamProvider(LedgerFeedStreams.Provider).GetStream<LedgerFeedBatch>(LedgerFeedStreams.For(practiceId));

    private sealed class Unconfirmed
    {
        public FeedCursor Confirmed { get; set; }

        public FeedCursor Last { get; set; }

        public DateTimeOffset SentAt { get; set; }
    }
}
