using ArCluster.Abstractions.Aging;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Abstractions.Remittances;
using ArCluster.Domain.Aging;
using ArCluster.Grains.Feed;
using ArCluster.Persistence.Aging;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Ledger;
using ArCluster.Persistence.Reconciliation;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ArCluster.Grains.Aging;

/// <summary>
/// A practice's live AR aging: a consumer of its ledger stream, beside reconciliation, that keeps
/// every open claim's balances by party and applies each posting exactly once in effect. Balances
/// and the feed mark they count up to are stored in one transaction; a batch at or below the mark is
/// a repeat and is dropped; a batch that does not follow on from the mark means something was lost,
/// and the gap is read back from the journal. Buckets are worked out when asked, so a balance moves
/// to the next bucket on the right day without anything being posted or stored.
/// </summary>
[ImplicitStreamSubscription(LedgerFeedStreams.Namespace)]
public sealed class AgingGrain(
    AgingStore store,
    ClaimFactsReader facts,
    LedgerFeedReader reader,
    BusinessClock clock,
    ILogger<AgingGrain> logger) : LedgerFeedConsumerGrain(reader, logger), IAgingGrain
{
    private OpenClaimBook _book = new();

    protected override string Consumer => AgingStore.Consumer;

    public async Task<AgingView> Aging(DateOnly? asOf)
    {
        await EnsureRegisteredAsync();
        var day = asOf ?? clock.Today;
        var practice = await GrainFactory.GetGrain<IPracticeGrain>(PracticeId).Read();
        var recent = await GrainFactory.GetGrain<IReconciliationGrain>(PracticeId).Totals(AgingViews.KpiStart(day), day);

        // No await from here on: the aging is of one moment of the book.
        var aging = ArAging.Of(_book.Claims, day, (Domain.Practices.AgingBasis)practice.AgingBasis, _book.UnappliedPatientCredit);
        return AgingViews.ToView(PracticeId, aging, practice, recent.Totals, clock.GetUtcNow());
    }

    public async Task<AgingVerificationReport> Verify()
    {
        await EnsureRegisteredAsync();
        await CatchUpAsync(await Reader.SettledThroughAsync());
        var stored = await store.LoadAsync(PracticeId);
        var journal = await store.JournalBalancesAsync(PracticeId, stored.Mark);
        var storedCredits = stored.Credits.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var differences = AgingVerification.Compare(stored.Claims, storedCredits, journal.Claims, journal.Credits);
        if (differences.Count > 0)
        {
            Logger.LogError("Aging of practice {Practice} differs from the journal on {Balances} balances through {Mark}", PracticeId, differences.Count, stored.Mark);
        }

        return new AgingVerificationReport(
            PracticeId,
            stored.Mark.ToString(),
            stored.Claims.Select(c => c.ClaimId).Union(journal.Claims.Keys, StringComparer.Ordinal).Count(),
            storedCredits.Keys.Union(journal.Credits.Keys, StringComparer.Ordinal).Count(),
            [.. differences.Select(d => new AgingMismatch(PracticeId, d.ClaimId, d.AccountId, d.Party.ToString(), d.Journal.Amount, d.Stored.Amount))]);
    }

    public async Task<AgingVerificationReport> Rebuild()
    {
        Logger.LogWarning("Rebuilding the aging of practice {Practice} from the journal", PracticeId);
        await store.ResetAsync(PracticeId);
        _book = new OpenClaimBook();
        Mark = FeedCursor.Start;
        return await Verify();
    }

    protected override async Task ApplyAsync(IReadOnlyList<FeedPosting> postings, FeedCursor mark)
    {
        AgingEntry[] entries = [.. postings.SelectMany(p => p.Entries).Select(e => new AgingEntry(e.ClaimId, e.AccountId, e.ToEntry())).Where(e => e.MovesBalances)];
        string[] unknown = [.. entries.Select(e => e.ClaimId).OfType<string>().Where(c => !_book.Contains(c)).Distinct(StringComparer.Ordinal)];
        var opened = await facts.ReadAsync(PracticeId, unknown);
        var changes = _book.Preview(entries, WithFallbacks(opened, unknown, entries));
        await store.SaveAsync(PracticeId, Mark, mark, changes);

        // Only now, with no await between, so a query never sees balances the store does not hold.
        _book.Set(changes);
        Mark = mark;
    }

    /// <summary>
    /// A claim with money on it always has its opening posting in the journal; should one be missing
    /// all the same, its money must still be in AR, so it ages from its earliest entry under no payer
    /// rather than stalling the practice's feed.
    /// </summary>
    private IReadOnlyDictionary<string, ClaimFacts> WithFallbacks(IReadOnlyDictionary<string, ClaimFacts> opened, string[] unknown, AgingEntry[] entries)
    {
        var missing = unknown.Where(c => !opened.ContainsKey(c)).ToArray();
        if (missing.Length == 0)
        {
            return opened;
        }

        Logger.LogError("Aging of practice {Practice} found no opening posting for {Claims} claims; aging them from their entries", PracticeId, missing.Length);
        var all = opened.ToDictionary(StringComparer.Ordinal);
        foreach (var claim in missing)
        {
            var first = entries.Where(e => e.ClaimId == claim).Min(e => e.Entry.EffectiveDate);
            var account = entries.First(e => e.ClaimId == claim).AccountId ?? string.Empty;
            all[claim] = new ClaimFacts(claim, account, first, first, null, null);
        }

        return all;
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(PracticeId, cancellationToken);
        _book = new OpenClaimBook(stored.Claims, stored.Credits);
        Mark = stored.Mark;
    }
}
