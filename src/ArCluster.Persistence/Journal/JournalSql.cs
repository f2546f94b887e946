using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Journal;

/// <summary>
/// The journal's statements. A batch reads in one round trip, then writes its postings and entries
/// with binary COPY — the cheapest way into PostgreSQL per row — and locks nothing.
/// </summary>
internal static class JournalSql
{
    public const string ReadStream = """
        SELECT practice_id, stream_id, stream_version, posting_id, operation, command_hash, payload, position
        FROM arcluster_ledger_posting
        WHERE stream_id = @stream
        ORDER BY stream_version
        """;

    // Read without locks: if another writer commits a version in between, the unique key on
    // (stream_id, stream_version) fails this batch's insert and the retry reads again.
    private const string CurrentVersions = """
        SELECT s.stream_id, coalesce((SELECT max(p.stream_version) FROM arcluster_ledger_posting p WHERE p.stream_id = s.stream_id), 0)
        FROM unnest(@streams::text[]) AS s(stream_id)
        """;

    private const string FindPostings = """
        SELECT p.practice_id, p.stream_id, p.stream_version, p.posting_id, p.operation, p.command_hash, p.payload, p.position
        FROM arcluster_ledger_posting p
        JOIN unnest(@practices::text[], @postings::text[]) AS k(practice_id, posting_id)
          ON p.practice_id = k.practice_id AND p.posting_id = k.posting_id
        """;

    // Positions are taken up front for every append; those of appends that are refused stay unused.
    private const string ReservePositions = """
        SELECT nextval(pg_get_serial_sequence('arcluster_ledger_posting', 'position')) FROM generate_series(1, @count)
        """;

    private const string CopyPostings = """
        COPY arcluster_ledger_posting
            (position, practice_id, posting_id, stream_id, stream_version, operation, command_hash, posted_at, posted_by, payload)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyEntries = """
        COPY arcluster_ledger_entry
            (practice_id, entry_id, posting_position, stream_id, account_id, claim_id, line_number, kind, amount, party, to_party,
             adjustment_group, reason_code, payer_id, reverses_entry_id, reversed_kind, effective_date, posted_at, reference)
        FROM STDIN (FORMAT BINARY)
        """;

    public static JournalRecord ReadRecord(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetFieldValue<byte[]>(5),
        reader.GetString(6),
        reader.GetInt64(7));

    /// <summary>
    /// Reads each stream's current version, finds postings already stored under the batch's ids,
    /// and reserves a journal position for every append.
    /// </summary>
    public static async Task<BatchState> ReadStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalAppend> appends)
    {
        var streams = appends.Select(a => a.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit TO on"));
        batch.BatchCommands.Add(Command(CurrentVersions, ("streams", streams)));
        batch.BatchCommands.Add(Command(FindPostings,
            ("practices", appends.Select(a => a.PracticeId).ToArray()),
            ("postings", appends.Select(a => a.PostingId).ToArray())));
        batch.BatchCommands.Add(Command(ReservePositions, ("count", appends.Count)));

        await using var reader = await batch.ExecuteReaderAsync();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        await reader.NextResultAsync();
        var stored = new Dictionary<(string, string), JournalRecord>();
        while (await reader.ReadAsync())
        {
            var record = ReadRecord(reader);
            stored[(record.PracticeId, record.PostingId)] = record;
        }

        await reader.NextResultAsync();
        var positions = new List<long>(appends.Count);
        while (await reader.ReadAsync())
        {
            positions.Add(reader.GetInt64(0));
        }

        return new BatchState(versions, stored, positions);
    }

    /// <summary>Writes the accepted postings and their entries at the given journal positions.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, BatchPlan plan, IReadOnlyList<long> positions)
    {
        var postings = plan.Accepted;
        await using (var copy = await connection.BeginBinaryImportAsync(CopyPostings))
        {
            for (var i = 0; i < postings.Count; i++)
            {
                var p = postings[i];
                await copy.StartRowAsync();
                await copy.WriteAsync(positions[i], NpgsqlDbType.Bigint);
                await copy.WriteAsync(p.PracticeId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.PostingId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.StreamId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.Version, NpgsqlDbType.Bigint);
                await copy.WriteAsync(p.Operation, NpgsqlDbType.Text);
                await copy.WriteAsync(p.CommandHash, NpgsqlDbType.Bytea);
                await copy.WriteAsync(p.PostedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.PostedBy, NpgsqlDbType.Text);
                await copy.WriteAsync(p.PayloadJson, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(CopyEntries))
        {
            for (var i = 0; i < postings.Count; i++)
            {
                var p = postings[i];
                foreach (var e in p.Entries)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(p.PracticeId, NpgsqlDbType.Text);
                    await copy.WriteAsync(e.EntryId, NpgsqlDbType.Text);
                    await copy.WriteAsync(positions[i], NpgsqlDbType.Bigint);
                    await copy.WriteAsync(p.StreamId, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.AccountId, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.ClaimId, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.LineNumber, NpgsqlDbType.Integer);
                    await copy.WriteAsync(e.Kind, NpgsqlDbType.Text);
                    await copy.WriteAsync(e.Amount, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(e.Party, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.ToParty, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.AdjustmentGroup, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.ReasonCode, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.PayerId, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.ReversesEntryId, NpgsqlDbType.Text);
                    await WriteAsync(copy, e.ReversedKind, NpgsqlDbType.Text);
                    await copy.WriteAsync(e.EffectiveDate, NpgsqlDbType.Date);
                    await copy.WriteAsync(p.PostedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                    await WriteAsync(copy, e.Reference, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type) =>
        value is { } number ? copy.WriteAsync(number, type) : copy.WriteNullAsync();

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        return command;
    }
}

/// <summary>What a batch read before deciding: stream versions, postings already stored, reserved positions.</summary>
internal sealed record BatchState(
    IReadOnlyDictionary<string, long> Versions,
    IReadOnlyDictionary<(string PracticeId, string PostingId), JournalRecord> Stored,
    IReadOnlyList<long> Positions);
