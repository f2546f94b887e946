using System.Collections.Immutable;
using ArCluster.Persistence.Journal;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Feed;

/// <summary>
/// Reads the ledger feed: durable postings in (transaction, position) order, never past the oldest
/// transaction still running, so a reader that moves its cursor through what it read skips nothing.
/// </summary>
public sealed class LedgerFeedReader(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        p.transaction_id, p.position, p.practice_id, p.stream_id,
        e.entry_id, e.account_id, e.claim_id, e.line_number, e.kind, e.amount, e.party, e.to_party,
        e.adjustment_group, e.reason_code, e.payer_id, e.reverses_entry_id, e.reversed_kind, e.effective_date, e.reference
        """;

    private const string Settled = "transaction_id < pg_snapshot_xmin(pg_current_snapshot())";

    private static readonly string ReadAll = $"""
        WITH page AS (
            SELECT transaction_id, position, practice_id, stream_id FROM arcluster_ledger_posting
            WHERE (transaction_id, position) > (@after_tx, @after_position) AND {Settled}
            ORDER BY transaction_id, position
            LIMIT @limit)
        SELECT {Columns}
        FROM page p LEFT JOIN arcluster_ledger_entry e ON e.posting_position = p.position
        ORDER BY p.transaction_id, p.position, e.entry_id
        """;

    private static readonly string ReadPractice = $"""
        WITH page AS (
            SELECT transaction_id, position, practice_id, stream_id FROM arcluster_ledger_posting
            WHERE practice_id = @practice
              AND (transaction_id, position) > (@after_tx, @after_position)
              AND (transaction_id, position) <= (@through_tx, @through_position)
              AND {Settled}
            ORDER BY transaction_id, position
            LIMIT @limit)
        SELECT {Columns}
        FROM page p LEFT JOIN arcluster_ledger_entry e ON e.posting_position = p.position
        ORDER BY p.transaction_id, p.position, e.entry_id
        """;

    // The predicate repeats the partial index's, so the index serves it.
    private static readonly string ReadCash = $"""
        SELECT {Columns}
        FROM arcluster_ledger_entry e JOIN arcluster_ledger_posting p ON p.position = e.posting_position
        WHERE e.practice_id = @practice
          AND (e.kind IN ('RemittanceAdvice', 'Deposit') OR e.reversed_kind IN ('RemittanceAdvice', 'Deposit'))
          AND (p.transaction_id, p.position) <= (@through_tx, @through_position)
        ORDER BY p.transaction_id, p.position, e.entry_id
        """;

    // Served by the (practice_id, effective_date) index: verification reads only the days it checks.
    private static readonly string ReadDays = $"""
        SELECT {Columns}
        FROM arcluster_ledger_entry e JOIN arcluster_ledger_posting p ON p.position = e.posting_position
        WHERE e.practice_id = @practice AND e.effective_date BETWEEN @first_day AND @last_day
          AND (p.transaction_id, p.position) <= (@through_tx, @through_position)
        ORDER BY p.transaction_id, p.position, e.entry_id
        """;

    /// <summary>Up to <paramref name="maxPostings"/> postings of every practice after <paramref name="after"/>.</summary>
    public Task<IReadOnlyList<FeedPosting>> ReadAsync(FeedCursor after, int maxPostings, CancellationToken cancellationToken = default) =>
        QueryAsync(ReadAll, [.. After(after), new NpgsqlParameter<int>("limit", maxPostings)], cancellationToken);

    /// <summary>Up to <paramref name="maxPostings"/> of one practice's postings in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public Task<IReadOnlyList<FeedPosting>> ReadPracticeAsync(
        string practiceId, FeedCursor after, FeedCursor through, int maxPostings, CancellationToken cancellationToken = default) =>
        QueryAsync(
            ReadPractice,
            [new NpgsqlParameter<string>("practice", practiceId), .. After(after), .. Through(through), new NpgsqlParameter<int>("limit", maxPostings)],
            cancellationToken);

    /// <summary>A practice's remittance advices and deposits, and their reversals, up to <paramref name="through"/>.</summary>
    public Task<IReadOnlyList<FeedPosting>> ReadCashAsync(string practiceId, FeedCursor through, CancellationToken cancellationToken = default) =>
        QueryAsync(ReadCash, [new NpgsqlParameter<string>("practice", practiceId), .. Through(through)], cancellationToken);

    /// <summary>A practice's entries effective in [<paramref name="firstDay"/>, <paramref name="lastDay"/>], up to <paramref name="through"/>.</summary>
    public Task<IReadOnlyList<FeedPosting>> ReadDaysAsync(
        string practiceId, DateOnly firstDay, DateOnly lastDay, FeedCursor through, CancellationToken cancellationToken = default) =>
        QueryAsync(
            ReadDays,
            [
                new NpgsqlParameter<string>("practice", practiceId),
                new NpgsqlParameter<DateOnly>("first_day", firstDay),
                new NpgsqlParameter<DateOnly>("last_day", lastDay),
                .. Through(through),
            ],
            cancellationToken);

    /// <summary>How far the feed is settled now: every posting a reader can see has a cursor at or below it.</summary>
    public async Task<FeedCursor> SettledThroughAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT transaction_id, position FROM arcluster_ledger_posting WHERE {Settled}
            ORDER BY transaction_id DESC, position DESC LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new FeedCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : FeedCursor.Start;
    }

    private static NpgsqlParameter[] After(FeedCursor cursor) =>
        [new NpgsqlParameter<ulong>("after_tx", NpgsqlDbType.Xid8) { TypedValue = cursor.TransactionId }, new NpgsqlParameter<long>("after_position", cursor.Position)];

    private static NpgsqlParameter[] Through(FeedCursor cursor) =>
        [new NpgsqlParameter<ulong>("through_tx", NpgsqlDbType.Xid8) { TypedValue = cursor.TransactionId }, new NpgsqlParameter<long>("through_position", cursor.Position)];

    private async Task<IReadOnlyList<FeedPosting>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var postings = new List<FeedPosting>();
        FeedCursor? current = null;
        string practice = string.Empty, stream = string.Empty;
        var entries = ImmutableArray.CreateBuilder<JournalEntryRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cursor = new FeedCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
            if (cursor != current)
            {
                Flush();
                current = cursor;
                practice = reader.GetString(2);
                stream = reader.GetString(3);
            }

            if (!reader.IsDBNull(4))
            {
                entries.Add(ReadEntry(reader));
            }
        }

        Flush();
        return postings;

        void Flush()
        {
            if (current is { } done)
            {
                postings.Add(new FeedPosting(done, practice, stream, entries.ToImmutable()));
                entries.Clear();
            }
        }
    }

    private static JournalEntryRow ReadEntry(NpgsqlDataReader reader) => new(
        reader.GetString(4),
        Text(reader, 5),
        Text(reader, 6),
        reader.IsDBNull(7) ? null : reader.GetInt32(7),
        reader.GetString(8),
        reader.GetDecimal(9),
        reader.GetString(10),
        Text(reader, 11),
        Text(reader, 12),
        Text(reader, 13),
        Text(reader, 14),
        Text(reader, 15),
        Text(reader, 16),
        reader.GetFieldValue<DateOnly>(17),
        Text(reader, 18));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
