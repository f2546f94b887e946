using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Remittances;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Reconciliation;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ArCluster.Grains.Feed;

/// <summary>
/// What every per-practice consumer of the ledger feed does the same way, so each applies every
/// posting exactly once in effect: it stores what it counted together with the feed mark it counts
/// up to; a batch at or below the mark is a repeat and is dropped; a batch that does not follow on
/// from the mark means something was lost on the way, and the gap is read back from the journal for
/// this practice only. The grain says how to load its state and how to apply postings.
/// </summary>
public abstract class LedgerFeedConsumerGrain(LedgerFeedReader reader, ILogger logger) : Grain
{
    /// <summary>Postings read back from the journal per stored step when catching up.</summary>
    private const int CatchUpPage = 2000;

    private readonly PracticeRegistrationCheck _registration = new();

    /// <summary>How far into the feed the stored state counts.</summary>
    protected FeedCursor Mark { get; set; }

    protected string PracticeId => this.GetPrimaryKeyString();

    /// <summary>The name the publisher knows this consumer by (one of <see cref="LedgerFeedOptions.Consumers"/>).</summary>
    protected abstract string Consumer { get; }

    protected LedgerFeedReader Reader => reader;

    protected ILogger Logger => logger;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var stream = this.GetStreamProvider(LedgerFeedStreams.Provider).GetStream<LedgerFeedBatch>(LedgerFeedStreams.For(PracticeId));
        await stream.SubscribeAsync((batch, _) => OnBatchAsync(batch));
    }

    /// <summary>Loads the stored state and sets <see cref="Mark"/> to the mark stored with it.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Stores the effect of <paramref name="postings"/> with the mark moved to <paramref name="mark"/>, then takes it into memory and sets <see cref="Mark"/>.</summary>
    protected abstract Task ApplyAsync(IReadOnlyList<FeedPosting> postings, FeedCursor mark);

    /// <summary>A practice id with a typo must not read as a practice with nothing posted.</summary>
    protected Task EnsureRegisteredAsync() => _registration.EnsureAsync(GrainFactory, PracticeId);

    /// <summary>Reads this practice's postings after the mark, up to <paramref name="through"/>, from the journal and applies them.</summary>
    protected async Task CatchUpAsync(FeedCursor through)
    {
        while (through > Mark)
        {
            var page = await reader.ReadPracticeAsync(PracticeId, Mark, through, CatchUpPage);
            // With nothing of this practice left in the range, the mark still moves to its end, so
            // the next batch is seen to follow on.
            await ApplyAsync(page, page.Count == CatchUpPage ? page[^1].Cursor : through);
        }
    }

    private async Task OnBatchAsync(LedgerFeedBatch batch)
    {
        try
        {
            if (batch.Last > Mark)
            {
                if (batch.Previous is { } previous && previous <= Mark)
                {
                    await ApplyAsync([.. batch.Postings.Where(p => p.Cursor > Mark)], batch.Last);
                }
                else
                {
                    await CatchUpAsync(batch.Last);
                }
            }
        }
        catch (StaleMarkException e)
        {
            // Another activation of this practice moved on (a brief duplicate during a membership
            // change): take what it stored and go on from there.
            logger.LogWarning(e, "Reloading consumer {Consumer} of practice {Practice}", Consumer, PracticeId);
            await LoadAsync(CancellationToken.None);
            await CatchUpAsync(batch.Last);
        }

        await GrainFactory.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher).Confirm(Consumer, PracticeId, Mark);
    }
}
