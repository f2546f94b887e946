using System.Collections.Immutable;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using ArCluster.Grains.Feed;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Ledger;
using ArCluster.Persistence.Reconciliation;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ArCluster.Grains.Reconciliation;

/// <summary>
/// A practice's live reconciliation: a consumer of its ledger stream that applies each posting
/// exactly once in effect. Totals and the feed mark they count up to are stored in one transaction;
/// a batch at or below the mark is a repeat and is dropped; a batch that does not follow on from the
/// mark means something was lost on the way, and the gap is read back from the journal.
/// </summary>
[ImplicitStreamSubscription(LedgerFeedStreams.Namespace)]
public sealed class ReconciliationGrain(
    ReconciliationStore store,
    LedgerFeedReader reader,
    BusinessClock clock,
    ILogger<ReconciliationGrain> logger) : Grain, IReconciliationGrain
{
    /// <summary>Postings read back from the journal per stored step when catching up.</summary>
    private const int CatchUpPage = 2000;

    private ReconciliationTotals _totals = new();
    private Reassociation _cash = new();
    private FeedCursor _mark;
    private bool _registered;

    private string PracticeId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var stream = this.GetStreamProvider(LedgerFeedStreams.Provider).GetStream<LedgerFeedBatch>(LedgerFeedStreams.For(PracticeId));
        await stream.SubscribeAsync((batch, _) => OnBatchAsync(batch));
    }

    public async Task<ReconciliationView> Totals(DateOnly firstDay, DateOnly lastDay)
    {
        await EnsureRegisteredAsync();
        return ReconciliationViews.ToView(PracticeId, firstDay, lastDay, [.. _totals.Between(firstDay, lastDay)], [PracticeId], clock.GetUtcNow());
    }

    public async Task<ReassociationView> Reassociation(bool unmatchedOnly)
    {
        await EnsureRegisteredAsync();
        return ReconciliationViews.ToView(PracticeId, _cash.Matches().Select(m => ReconciliationViews.ToItem(PracticeId, m)), unmatchedOnly);
    }

    public async Task<VerificationReport> Verify(DateOnly firstDay, DateOnly lastDay)
    {
        await EnsureRegisteredAsync();
        await CatchUpAsync(await reader.SettledThroughAsync());
        var stored = await store.LoadAsync(PracticeId, firstDay, lastDay);
        var journal = new ReconciliationTotals();
        var postings = await reader.ReadDaysAsync(PracticeId, firstDay, lastDay, stored.Mark);
        foreach (var entry in postings.SelectMany(p => p.Entries))
        {
            journal.Apply(entry.ToEntry());
        }

        var differences = new ReconciliationTotals(stored.Lines).CompareWith(journal, firstDay, lastDay);
        var compared = journal.Lines.Keys.Union(stored.Lines.Select(l => l.Key)).Count();
        if (differences.Count > 0)
        {
            logger.LogError("Reconciliation of practice {Practice} differs from the journal on {Lines} lines through {Mark}", PracticeId, differences.Count, stored.Mark);
        }

        return new VerificationReport(PracticeId, firstDay, lastDay, stored.Mark.ToString(), compared, postings.Count,
            [.. differences.Select(d => new TotalMismatch(PracticeId, d.Key.Day, d.Key.Category.ToString(), d.Key.Payer, d.Key.Detail, d.Expected.Amount, d.Actual.Amount))]);
    }

    public async Task<VerificationReport> Rebuild()
    {
        logger.LogWarning("Rebuilding the reconciliation of practice {Practice} from the journal", PracticeId);
        await store.ResetAsync(PracticeId);
        _totals = new ReconciliationTotals();
        _cash = new Reassociation();
        _mark = FeedCursor.Start;
        return await Verify(DateOnly.MinValue, DateOnly.MaxValue);
    }

    /// <summary>A practice id with a typo must not read as a practice with nothing posted.</summary>
    private async Task EnsureRegisteredAsync()
    {
        if (!_registered)
        {
            _registered = (await GrainFactory.GetGrain<IPracticeDirectoryGrain>("all").Practices()).Contains(PracticeId, StringComparer.Ordinal);
            if (!_registered)
            {
                throw new NotFoundException("Practice", PracticeId);
            }
        }
    }

    private async Task OnBatchAsync(LedgerFeedBatch batch)
    {
        try
        {
            if (batch.Last > _mark)
            {
                if (batch.Previous is { } previous && previous <= _mark)
                {
                    await ApplyAsync([.. batch.Postings.Where(p => p.Cursor > _mark)], batch.Last);
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
            logger.LogWarning(e, "Reloading the reconciliation of practice {Practice}", PracticeId);
            await LoadAsync(CancellationToken.None);
            await CatchUpAsync(batch.Last);
        }

        await GrainFactory.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher).Confirm(ReconciliationStore.Consumer, PracticeId, _mark);
    }

    /// <summary>Reads this practice's postings after the mark, up to <paramref name="through"/>, from the journal and applies them.</summary>
    private async Task CatchUpAsync(FeedCursor through)
    {
        while (through > _mark)
        {
            var page = await reader.ReadPracticeAsync(PracticeId, _mark, through, CatchUpPage);
            // With nothing of this practice left in the range, the mark still moves to its end, so
            // the next batch is seen to follow on.
            await ApplyAsync(page, page.Count == CatchUpPage ? page[^1].Cursor : through);
        }
    }

    private async Task ApplyAsync(IReadOnlyList<FeedPosting> postings, FeedCursor mark)
    {
        var entries = postings.SelectMany(p => p.Entries).Select(e => e.ToEntry()).ToArray();
        var changed = _totals.Preview(entries);
        await store.SaveAsync(PracticeId, _mark, mark, [.. changed]);

        // Only now, with no await between, so a query never sees totals the store does not hold.
        _totals.Set(changed);
        foreach (var entry in entries.Where(ArCluster.Domain.Reconciliation.Reassociation.Concerns))
        {
            _cash.Apply(entry);
        }

        _mark = mark;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(PracticeId, cancellationToken: cancellationToken);
        var cash = new Reassociation();
        foreach (var entry in (await reader.ReadCashAsync(PracticeId, stored.Mark, cancellationToken)).SelectMany(p => p.Entries))
        {
            cash.Apply(entry.ToEntry());
        }

        _totals = new ReconciliationTotals(stored.Lines);
        _cash = cash;
        _mark = stored.Mark;
    }
}
