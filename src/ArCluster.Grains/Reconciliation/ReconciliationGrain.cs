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
    ILogger<ReconciliationGrain> logger) : LedgerFeedConsumerGrain(reader, logger), IReconciliationGrain
{
    private ReconciliationTotals _totals = new();
    private Reassociation _cash = new();

    protected override string Consumer => ReconciliationStore.Consumer;

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
        await CatchUpAsync(await Reader.SettledThroughAsync());
        var stored = await store.LoadAsync(PracticeId, firstDay, lastDay);
        var journal = new ReconciliationTotals();
        var postings = await Reader.ReadDaysAsync(PracticeId, firstDay, lastDay, stored.Mark);
        foreach (var entry in postings.SelectMany(p => p.Entries))
        {
            journal.Apply(entry.ToEntry());
        }

        var differences = new ReconciliationTotals(stored.Lines).CompareWith(journal, firstDay, lastDay);
        var compared = journal.Lines.Keys.Union(stored.Lines.Select(l => l.Key)).Count();
        if (differences.Count > 0)
        {
            Logger.LogError("Reconciliation of practice {Practice} differs from the journal on {Lines} lines through {Mark}", PracticeId, differences.Count, stored.Mark);
        }

        return new VerificationReport(PracticeId, firstDay, lastDay, stored.Mark.ToString(), compared, postings.Count,
            [.. differences.Select(d => new TotalMismatch(PracticeId, d.Key.Day, d.Key.Category.ToString(), d.Key.Payer, d.Key.Detail, d.Expected.Amount, d.Actual.Amount))]);
    }

    public async Task<VerificationReport> Rebuild()
    {
        Logger.LogWarning("Rebuilding the reconciliation of practice {Practice} from the journal", PracticeId);
        await store.ResetAsync(PracticeId);
        _totals = new ReconciliationTotals();
        _cash = new Reassociation();
        Mark = FeedCursor.Start;
        return await Verify(DateOnly.MinValue, DateOnly.MaxValue);
    }

    protected override async Task ApplyAsync(IReadOnlyList<FeedPosting> postings, FeedCursor mark)
    {
        var entries = postings.SelectMany(p => p.Entries).Select(e => e.ToEntry()).ToArray();
        var changed = _totals.Preview(entries);
        await store.SaveAsync(PracticeId, Mark, mark, [.. changed]);

        // Only now, with no await between, so a query never sees totals the store does not hold.
        _totals.Set(changed);
        foreach (var entry in entries.Where(ArCluster.Domain.Reconciliation.Reassociation.Concerns))
        {
            _cash.Apply(entry);
        }

        Mark = mark;
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(PracticeId, cancellationToken: cancellationToken);
        var cash = new Reassociation();
        foreach (var entry in (await Reader.ReadCashAsync(PracticeId, stored.Mark, cancellationToken)).SelectMany(p => p.Entries))
        {
            cash.Apply(entry.ToEntry());
        }

        _totals = new ReconciliationTotals(stored.Lines);
        _cash = cash;
        Mark = stored.Mark;
    }
}
