using System.Globalization;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Feed;

/// <summary>
/// The race every feed over a journal must survive: the journal writer reserves a position, then
/// copies its rows in and commits, so a lower position can become visible after a higher one. A
/// reader that moved its cursor past the higher one would never see the lower one, and the
/// reconciliation would be short by that posting forever. These tests write the way the writer does
/// (positions first, commit later) on separate connections and check that the feed holds back
/// until the older transaction is done, then delivers both in order and skips nothing.
/// </summary>
public class LedgerFeedRaceTest
{
    private const string Practice = "riverside";

    [Fact]
    public async Task A_posting_whose_transaction_is_still_open_is_not_in_the_feed()
    {
        var database = await MigratedAsync("feed-open");
        await using var source = NpgsqlDataSource.Create(database);
        var feed = new LedgerFeedReader(source);
        await using var writer = await Writer.BeginAsync(database);
        var position = await writer.ReserveAsync();
        await writer.InsertAsync(position, "open-1");

        Assert.Empty(await feed.ReadAsync(FeedCursor.Start, 100));
        Assert.Empty(await feed.ReadPracticeAsync(Practice, FeedCursor.Start, new FeedCursor(ulong.MaxValue, long.MaxValue), 100));
        Assert.Equal(FeedCursor.Start, await feed.SettledThroughAsync());

        await writer.CommitAsync();

        var posting = Assert.Single(await Eventually.ValueAsync(() => feed.ReadAsync(FeedCursor.Start, 100), p => p.Count > 0));
        Assert.Equal(new FeedCursor(writer.TransactionId, position), posting.Cursor);
        Assert.Equal("open-1/1", Assert.Single(posting.Entries).EntryId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_later_transaction_committing_first_waits_in_the_feed_until_the_earlier_one_commits_then_both_arrive_in_order(bool earlierTakesTheLowerPosition)
    {
        var database = await MigratedAsync("feed-race");
        await using var source = NpgsqlDataSource.Create(database);
        var feed = new LedgerFeedReader(source);
        await using (var before = await Writer.BeginAsync(database))
        {
            await before.InsertAsync(await before.ReserveAsync(), "before");
            await before.CommitAsync();
        }

        var mark = Assert.Single(await Eventually.ValueAsync(() => feed.ReadAsync(FeedCursor.Start, 100), p => p.Count > 0)).Cursor;

        await using var earlier = await Writer.BeginAsync(database);
        await using var later = await Writer.BeginAsync(database);
        Assert.True(earlier.TransactionId < later.TransactionId);
        var (lowPosition, highPosition) = (await earlier.ReserveAsync(), await later.ReserveAsync());
        var earlierPosition = earlierTakesTheLowerPosition ? lowPosition : highPosition;
        var laterPosition = earlierTakesTheLowerPosition ? highPosition : lowPosition;
        await earlier.InsertAsync(earlierPosition, "earlier");
        await later.InsertAsync(laterPosition, "later");

        Assert.Empty(await feed.ReadAsync(mark, 100));

        await later.CommitAsync();

        // Committed and visible to any query, but an older transaction below it may still add a
        // posting: the feed must not move past it yet.
        Assert.Equal(1, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_posting WHERE posting_id = 'later'"));
        Assert.Empty(await feed.ReadAsync(mark, 100));
        Assert.Empty(await feed.ReadPracticeAsync(Practice, mark, new FeedCursor(ulong.MaxValue, long.MaxValue), 100));
        Assert.Equal(mark, await feed.SettledThroughAsync());

        await earlier.CommitAsync();

        var caughtUp = await Eventually.ValueAsync(() => feed.ReadAsync(mark, 100), p => p.Count >= 2);
        Assert.Equal(
            [(new FeedCursor(earlier.TransactionId, earlierPosition), "earlier/1"), (new FeedCursor(later.TransactionId, laterPosition), "later/1")],
            caughtUp.Select(p => (p.Cursor, Assert.Single(p.Entries).EntryId)));
        Assert.Empty(await feed.ReadAsync(caughtUp[^1].Cursor, 100));
        Assert.Equal(caughtUp[^1].Cursor, await Eventually.ValueAsync(() => feed.SettledThroughAsync(), c => c == caughtUp[^1].Cursor));
        Assert.Equal(
            ["before/1", "earlier/1", "later/1"],
            (await feed.ReadAsync(FeedCursor.Start, 100)).Select(p => Assert.Single(p.Entries).EntryId));
    }

    [Fact]
    public async Task A_rolled_back_posting_leaves_a_gap_in_positions_that_the_feed_passes_over()
    {
        var database = await MigratedAsync("feed-rollback");
        await using var source = NpgsqlDataSource.Create(database);
        var feed = new LedgerFeedReader(source);
        await using var refused = await Writer.BeginAsync(database);
        await using var accepted = await Writer.BeginAsync(database);
        await refused.InsertAsync(await refused.ReserveAsync(), "refused");
        await accepted.InsertAsync(await accepted.ReserveAsync(), "accepted");
        await accepted.CommitAsync();

        Assert.Empty(await feed.ReadAsync(FeedCursor.Start, 100));

        await refused.RollbackAsync();

        var posting = Assert.Single(await Eventually.ValueAsync(() => feed.ReadAsync(FeedCursor.Start, 100), p => p.Count > 0));
        Assert.Equal("accepted/1", Assert.Single(posting.Entries).EntryId);
    }

    [Fact]
    public async Task A_reader_polling_while_many_writers_reserve_insert_and_commit_out_of_order_sees_every_committed_posting_exactly_once_in_order()
    {
        const int Writers = 6;
        const int PostingsEach = 8;
        var database = await MigratedAsync("feed-stress");
        await using var source = NpgsqlDataSource.Create(database);
        var feed = new LedgerFeedReader(source);
        var committed = new System.Collections.Concurrent.ConcurrentBag<string>();
        // The delays make later transactions take lower positions and commit first (8 of 39 neighbours
        // in the feed are out of position order on a typical run); every fifth transaction rolls back.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PostingsEach; i++)
            {
                var id = $"w{w}-{i}";
                await using var writer = await Writer.BeginAsync(database);
                await Task.Delay((i * 3 + w * 7) % 11);
                var position = await writer.ReserveAsync();
                await Task.Delay((i * 7 + w * 13) % 23);
                await writer.InsertAsync(position, id);
                await Task.Delay((i * 11 + w * 5) % 17);
                if ((w + i) % 5 == 4)
                {
                    await writer.RollbackAsync();
                }
                else
                {
                    await writer.CommitAsync();
                    committed.Add($"{id}/1");
                }
            }
        })).ToArray();

        var writersDone = Task.WhenAll(writers);
        var seen = new List<(FeedCursor Cursor, string EntryId)>();
        var reader = Task.Run(async () =>
        {
            var cursor = FeedCursor.Start;
            var deadline = DateTime.UtcNow + Eventually.Limit;
            while (!writersDone.IsCompleted || seen.Count < committed.Count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The reader saw {seen.Count} of {committed.Count} committed postings.");
                }

                foreach (var posting in await feed.ReadAsync(cursor, 5))
                {
                    seen.Add((posting.Cursor, Assert.Single(posting.Entries).EntryId));
                    cursor = posting.Cursor;
                }

                await Task.Delay(3);
            }
        });

        await writersDone;
        await reader;

        Assert.Equal(committed.Order(StringComparer.Ordinal), seen.Select(s => s.EntryId).Order(StringComparer.Ordinal));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Cursor < p.Second.Cursor), "the feed went backwards or repeated a posting");
    }

    private static async Task<string> MigratedAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return database;
    }

    /// <summary>
    /// One journal writer's transaction, by hand: its transaction id is taken first (so tests
    /// control which is older), then a position reserved from the journal's sequence, then the rows.
    /// </summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;

        private Writer(NpgsqlConnection connection, NpgsqlTransaction transaction, ulong transactionId)
        {
            _connection = connection;
            _transaction = transaction;
            TransactionId = transactionId;
        }

        public ulong TransactionId { get; }

        public static async Task<Writer> BeginAsync(string database)
        {
            var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("SELECT pg_current_xact_id()::text", connection, transaction);
            var id = ulong.Parse((string)(await command.ExecuteScalarAsync())!, CultureInfo.InvariantCulture);
            return new Writer(connection, transaction, id);
        }

        public async Task<long> ReserveAsync()
        {
            await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('arcluster_ledger_posting', 'position'))", _connection, _transaction);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task InsertAsync(long position, string postingId)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO arcluster_ledger_posting (position, practice_id, posting_id, stream_id, stream_version, operation, command_hash, posted_at, posted_by, payload)
                VALUES (@position, @practice, @posting, 'claim:riverside/' || @posting, 1, 'Test', sha256(convert_to(@posting, 'UTF8')), now(), 'tester', '{}');
                INSERT INTO arcluster_ledger_entry (practice_id, entry_id, posting_position, stream_id, kind, amount, party, payer_id, effective_date, posted_at)
                VALUES (@practice, @posting || '/1', @position, 'claim:riverside/' || @posting, 'PayerPayment', 10.00, 'Primary', '00431', DATE '2025-03-17', now());
                """,
                _connection,
                _transaction);
            command.Parameters.Add(new NpgsqlParameter<long>("position", position));
            command.Parameters.Add(new NpgsqlParameter<string>("practice", Practice));
            command.Parameters.Add(new NpgsqlParameter<string>("posting", postingId));
            await command.ExecuteNonQueryAsync();
        }

        public Task CommitAsync() => _transaction.CommitAsync();

        public Task RollbackAsync() => _transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
