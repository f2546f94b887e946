using System.Security.Cryptography;
using System.Text;
using ArCluster.Domain;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Reconciliation;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Ledger;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ArCluster.Persistence.Tests.Feed;

/// <summary>
/// What each reader of the feed returns from a small journal of two practices: the whole feed for
/// the publisher, one practice's range for a consumer catching up, the days a verification checks,
/// and the cash entries reassociation starts from.
/// </summary>
public class LedgerFeedReaderTest : IAsyncLifetime
{
    private const string Riverside = "riverside";
    private const string Lakeside = "lakeside";
    private const string Medicare = "00431";

    private static readonly DateOnly Mar17 = new(2025, 3, 17);
    private static readonly DateOnly Mar18 = Mar17.AddDays(1);
    private static readonly DateOnly Mar19 = Mar17.AddDays(2);
    private static readonly DateOnly Mar20 = Mar17.AddDays(3);

    /// <summary>The journal, one posting per transaction in this order; the feed must give them back the same way.</summary>
    private static readonly JournalAppend[] Journal =
    [
        /* 0 */ Posting(Riverside, "claim:riverside/C1", 0, "open-c1", Row("open-c1/1", "Charge", 200m, Mar17)),
        /* 1 */ Posting(Lakeside, "claim:lakeside/C9", 0, "open-c9", Row("open-c9/1", "Charge", 90m, Mar17)),
        /* 2 */ Posting(Riverside, "remittance:riverside/00431/1EFT0001", 0, "era-1",
            Row("era-1/1", "RemittanceAdvice", 435m, Mar18) with { PayerId = Medicare, Reference = "1EFT0001" },
            Row("era-1/2", "ProviderAdjustment", 15m, Mar18) with { PayerId = Medicare, ClaimId = "C1" }),
        /* 3 */ Posting(Riverside, "claim:riverside/C1", 1, "pay-c1",
            Row("pay-c1/1", "PayerPayment", 150m, Mar18) with { PayerId = Medicare },
            Row("pay-c1/2", "Adjustment", 50m, Mar18) with { PayerId = Medicare, AdjustmentGroup = "CO", ReasonCode = "45" }),
        /* 4 */ Posting(Riverside, "deposit:riverside/dep-1", 0, "dep-1", Row("dep-1/1", "Deposit", 435m, Mar19) with { Reference = "0001EFT0001" }),
        /* 5 */ Posting(Lakeside, "deposit:lakeside/dep-9", 0, "dep-9", Row("dep-9/1", "Deposit", 90m, Mar19) with { Reference = "CHK-9" }),
        /* 6 */ Posting(Riverside, "deposit:riverside/dep-1", 1, "dep-1-returned",
            Row("dep-1-returned/1", "Reversal", 435m, Mar20) with { Reference = "0001EFT0001", ReversesEntryId = "dep-1/1", ReversedKind = "Deposit" }),
        /* 7 */ Posting(Riverside, "claim:riverside/C1", 2, "take-back",
            Row("take-back/1", "Reversal", 150m, Mar20) with { PayerId = Medicare, ReversesEntryId = "pay-c1/1", ReversedKind = "PayerPayment" }),
        /* 8 */ Posting(Riverside, "claim:riverside/C2", 0, "no-money"),
        /* 9 */ Posting(Riverside, "claim:riverside/C1", 3, "late-charge", Row("late-charge/1", "Charge", 25m, Mar18)),
    ];

    private string _database = "";
    private NpgsqlDataSource? _source;
    private IReadOnlyList<FeedPosting> _feed = [];

    private LedgerFeedReader Reader => new(_source!);

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("feed-reader");
        await new SchemaMigrator(_database).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database);
        Assert.Equal(FeedCursor.Start, await Reader.SettledThroughAsync());
        Assert.Empty(await Reader.ReadAsync(FeedCursor.Start, 100));

        await using (var journal = new PostgresLedgerJournal(_source, new LedgerJournalOptions(), NullLogger<PostgresLedgerJournal>.Instance))
        {
            foreach (var append in Journal)
            {
                Assert.Equal(AppendStatus.Appended, (await journal.AppendAsync(append)).Status);
            }
        }

        _feed = await Eventually.ValueAsync(() => Reader.ReadAsync(FeedCursor.Start, 100), p => p.Count == Journal.Length);
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_feed_gives_every_practices_postings_in_journal_order_with_their_entries_as_written()
    {
        Assert.Equal(Journal.Select(a => (a.PracticeId, a.StreamId)), _feed.Select(p => (p.PracticeId, p.StreamId)));
        Assert.True(_feed.Zip(_feed.Skip(1)).All(p => p.First.Cursor < p.Second.Cursor));
        for (var i = 0; i < Journal.Length; i++)
        {
            Assert.Equal(Journal[i].Entries, _feed[i].Entries);
        }

        Assert.Equal(_feed.Take(3).Select(p => p.Cursor), (await Reader.ReadAsync(FeedCursor.Start, 3)).Select(p => p.Cursor));
        Assert.Equal(_feed.Skip(3).Take(3).Select(p => p.Cursor), (await Reader.ReadAsync(_feed[2].Cursor, 3)).Select(p => p.Cursor));
        Assert.Empty(await Reader.ReadAsync(_feed[^1].Cursor, 100));
    }

    [Fact]
    public async Task A_posting_without_entries_still_comes_through_so_a_reader_moves_past_it()
    {
        var empty = _feed[8];

        Assert.Equal("claim:riverside/C2", empty.StreamId);
        Assert.Empty(empty.Entries);
        Assert.Equal([empty.Cursor, _feed[9].Cursor], (await Reader.ReadAsync(_feed[7].Cursor, 100)).Select(p => p.Cursor));
        Assert.Equal([empty.Cursor], (await Reader.ReadPracticeAsync(Riverside, _feed[7].Cursor, empty.Cursor, 100)).Select(p => p.Cursor));
    }

    [Fact]
    public async Task Settled_through_is_the_last_posting_every_reader_can_see()
    {
        Assert.Equal(_feed[^1].Cursor, await Eventually.ValueAsync(() => Reader.SettledThroughAsync(), c => c == _feed[^1].Cursor));
    }

    [Fact]
    public async Task A_practice_reads_only_its_own_postings_after_one_cursor_up_to_and_including_another()
    {
        var range = await Reader.ReadPracticeAsync(Riverside, _feed[0].Cursor, _feed[7].Cursor, 100);

        Assert.Equal([_feed[2].Cursor, _feed[3].Cursor, _feed[4].Cursor, _feed[6].Cursor, _feed[7].Cursor], range.Select(p => p.Cursor));
        Assert.All(range, p => Assert.Equal(Riverside, p.PracticeId));
        Assert.Equal([_feed[2].Cursor, _feed[3].Cursor], (await Reader.ReadPracticeAsync(Riverside, _feed[0].Cursor, _feed[7].Cursor, 2)).Select(p => p.Cursor));
        Assert.Equal([_feed[1].Cursor, _feed[5].Cursor], (await Reader.ReadPracticeAsync(Lakeside, FeedCursor.Start, _feed[^1].Cursor, 100)).Select(p => p.Cursor));
        Assert.Empty(await Reader.ReadPracticeAsync(Lakeside, _feed[5].Cursor, _feed[^1].Cursor, 100));
        Assert.Empty(await Reader.ReadPracticeAsync("hillside", FeedCursor.Start, _feed[^1].Cursor, 100));
    }

    [Fact]
    public async Task Verification_reads_the_entries_effective_on_the_days_it_checks_and_counted_by_the_mark()
    {
        var days = await Reader.ReadDaysAsync(Riverside, Mar18, Mar19, _feed[8].Cursor);

        // late-charge is effective on the 18th but lies beyond the mark; the reversals fall on the 20th.
        Assert.Equal(["era-1/1", "era-1/2", "pay-c1/1", "pay-c1/2", "dep-1/1"], days.SelectMany(p => p.Entries).Select(e => e.EntryId));
        Assert.Equal([_feed[2].Cursor, _feed[3].Cursor, _feed[4].Cursor], days.Select(p => p.Cursor));
        Assert.Equal(["era-1/1", "era-1/2"], (await Reader.ReadDaysAsync(Riverside, Mar18, Mar19, _feed[2].Cursor)).SelectMany(p => p.Entries).Select(e => e.EntryId));
        Assert.Equal(["open-c1/1"], (await Reader.ReadDaysAsync(Riverside, Mar17, Mar17, _feed[^1].Cursor)).SelectMany(p => p.Entries).Select(e => e.EntryId));
        Assert.Equal(
            ["era-1/1", "era-1/2", "pay-c1/1", "pay-c1/2", "late-charge/1"],
            (await Reader.ReadDaysAsync(Riverside, Mar18, Mar18, _feed[^1].Cursor)).SelectMany(p => p.Entries).Select(e => e.EntryId));
    }

    [Fact]
    public async Task The_journal_read_back_for_a_range_of_days_totals_what_a_live_fold_of_the_feed_totals()
    {
        var live = new ReconciliationTotals();
        foreach (var entry in (await Reader.ReadPracticeAsync(Riverside, FeedCursor.Start, _feed[^1].Cursor, 100)).SelectMany(p => p.Entries))
        {
            live.Apply(entry.ToEntry());
        }

        var journal = new ReconciliationTotals();
        foreach (var entry in (await Reader.ReadDaysAsync(Riverside, Mar17, Mar20, _feed[^1].Cursor)).SelectMany(p => p.Entries))
        {
            journal.Apply(entry.ToEntry());
        }

        Assert.Empty(live.CompareWith(journal, Mar17, Mar20));
        var figures = ReconciliationFigures.Of(live.Lines);
        Assert.Equal((225m, 0m, 50m, 435m, 0m), (figures.Charges.Amount, figures.PayerPayments.Amount, figures.Adjustments.Amount, figures.RemittanceAdvices.Amount, figures.Deposits.Amount));
    }

    [Fact]
    public async Task Reassociation_starts_from_the_practices_advices_and_deposits_and_their_reversals_only()
    {
        var cash = await Reader.ReadCashAsync(Riverside, _feed[^1].Cursor);

        Assert.Equal(["era-1/1", "dep-1/1", "dep-1-returned/1"], cash.SelectMany(p => p.Entries).Select(e => e.EntryId));
        Assert.Equal(["era-1/1", "dep-1/1"], (await Reader.ReadCashAsync(Riverside, _feed[4].Cursor)).SelectMany(p => p.Entries).Select(e => e.EntryId));
        Assert.Equal(["dep-9/1"], (await Reader.ReadCashAsync(Lakeside, _feed[^1].Cursor)).SelectMany(p => p.Entries).Select(e => e.EntryId));

        var reassociation = new Reassociation();
        foreach (var entry in cash.SelectMany(p => p.Entries))
        {
            reassociation.Apply(entry.ToEntry());
        }

        var match = Assert.Single(reassociation.Matches());
        Assert.Equal(("1EFT0001", ReassociationStatus.RemittanceWithoutDeposit), (match.Reference, match.Status));
    }

    [Fact]
    public async Task An_entry_read_from_the_feed_is_the_ledger_entry_that_was_posted()
    {
        var returned = Assert.Single((await Reader.ReadCashAsync(Riverside, _feed[^1].Cursor)).Single(p => p.Cursor == _feed[6].Cursor).Entries).ToEntry();

        Assert.Equal(
            (EntryKind.Reversal, (EntryKind?)EntryKind.Deposit, "dep-1/1", "0001EFT0001", Money.Of(435m), Mar20),
            (returned.Kind, returned.ReversedKind, returned.Reverses, returned.Reference, returned.Amount, returned.EffectiveDate));
    }

    private static JournalEntryRow Row(string entryId, string kind, decimal amount, DateOnly day) =>
        new(entryId, null, null, null, kind, amount, "Primary", null, null, null, null, null, null, day);

    private static JournalAppend Posting(string practice, string stream, long expectedVersion, string postingId, params JournalEntryRow[] entries) =>
        new(practice, stream, expectedVersion, postingId, "Test", SHA256.HashData(Encoding.UTF8.GetBytes(stream + postingId)),
            new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.Zero), "tester", $$"""{"postingId":"{{postingId}}"}""", entries);
}
