using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Journal;

/// <summary>The journal's statements. Each batch takes two round trips before its commit, whatever its size.</summary>
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

    private const string InsertPostingsAndEntries = """
        WITH posting AS (
            INSERT INTO arcluster_ledger_posting
                (practice_id, posting_id, stream_id, stream_version, operation, command_hash, posted_at, posted_by, payload)
            SELECT p.practice_id, p.posting_id, p.stream_id, p.stream_version, p.operation, p.command_hash, p.posted_at, p.posted_by, p.payload
            FROM unnest(@p_practice::text[], @p_posting::text[], @p_stream::text[], @p_version::bigint[], @p_operation::text[],
                        @p_hash::bytea[], @p_posted_at::timestamptz[], @p_posted_by::text[], @p_payload::text[])
                 AS p(practice_id, posting_id, stream_id, stream_version, operation, command_hash, posted_at, posted_by, payload)
            RETURNING position, practice_id, posting_id, stream_id, posted_at
        ), entry AS (
            INSERT INTO arcluster_ledger_entry
                (practice_id, entry_id, posting_position, stream_id, account_id, claim_id, line_number, kind, amount, party, to_party,
                 adjustment_group, reason_code, payer_id, reverses_entry_id, reversed_kind, effective_date, posted_at)
            SELECT e.practice_id, e.entry_id, posting.position, posting.stream_id, e.account_id, e.claim_id, e.line_number, e.kind, e.amount,
                   e.party, e.to_party, e.adjustment_group, e.reason_code, e.payer_id, e.reverses_entry_id, e.reversed_kind, e.effective_date,
                   posting.posted_at
            FROM unnest(@e_practice::text[], @e_posting::text[], @e_entry::text[], @e_account::text[], @e_claim::text[], @e_line::integer[],
                        @e_kind::text[], @e_amount::numeric[], @e_party::text[], @e_to_party::text[], @e_group::text[], @e_reason::text[],
                        @e_payer::text[], @e_reverses::text[], @e_reversed_kind::text[], @e_date::date[])
                 AS e(practice_id, posting_id, entry_id, account_id, claim_id, line_number, kind, amount, party, to_party,
                      adjustment_group, reason_code, payer_id, reverses_entry_id, reversed_kind, effective_date)
            JOIN posting ON posting.practice_id = e.practice_id AND posting.posting_id = e.posting_id
        )
        SELECT practice_id, posting_id, position FROM posting
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

    /// <summary>Reads each stream's current version and finds postings already stored under the batch's ids.</summary>
    public static async Task<(Dictionary<string, long> Versions, Dictionary<(string, string), JournalRecord> Stored)> ReadStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalAppend> appends)
    {
        var streams = appends.Select(a => a.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit TO on"));
        batch.BatchCommands.Add(Command(CurrentVersions, ("streams", streams)));
        batch.BatchCommands.Add(Command(FindPostings,
            ("practices", appends.Select(a => a.PracticeId).ToArray()),
            ("postings", appends.Select(a => a.PostingId).ToArray())));

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

        return (versions, stored);
    }

    /// <summary>Inserts the accepted postings and their entries; returns each posting's journal position.</summary>
    public static async Task<long[]> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchPlan plan)
    {
        var postings = plan.Accepted;
        var entries = postings.SelectMany(p => p.Entries.Select(e => (Posting: p, Entry: e))).ToArray();

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(InsertPostingsAndEntries,
            ("p_practice", postings.Select(p => p.PracticeId).ToArray()),
            ("p_posting", postings.Select(p => p.PostingId).ToArray()),
            ("p_stream", postings.Select(p => p.StreamId).ToArray()),
            ("p_version", postings.Select(p => p.Version).ToArray()),
            ("p_operation", postings.Select(p => p.Operation).ToArray()),
            ("p_hash", postings.Select(p => p.CommandHash).ToArray()),
            ("p_posted_at", postings.Select(p => p.PostedAt.ToUniversalTime()).ToArray()),
            ("p_posted_by", postings.Select(p => p.PostedBy).ToArray()),
            ("p_payload", postings.Select(p => p.PayloadJson).ToArray()),
            ("e_practice", entries.Select(e => e.Posting.PracticeId).ToArray()),
            ("e_posting", entries.Select(e => e.Posting.PostingId).ToArray()),
            ("e_entry", entries.Select(e => e.Entry.EntryId).ToArray()),
            ("e_account", entries.Select(e => e.Entry.AccountId).ToArray()),
            ("e_claim", entries.Select(e => e.Entry.ClaimId).ToArray()),
            ("e_line", entries.Select(e => e.Entry.LineNumber).ToArray()),
            ("e_kind", entries.Select(e => e.Entry.Kind).ToArray()),
            ("e_amount", entries.Select(e => e.Entry.Amount).ToArray()),
            ("e_party", entries.Select(e => e.Entry.Party).ToArray()),
            ("e_to_party", entries.Select(e => e.Entry.ToParty).ToArray()),
            ("e_group", entries.Select(e => e.Entry.AdjustmentGroup).ToArray()),
            ("e_reason", entries.Select(e => e.Entry.ReasonCode).ToArray()),
            ("e_payer", entries.Select(e => e.Entry.PayerId).ToArray()),
            ("e_reverses", entries.Select(e => e.Entry.ReversesEntryId).ToArray()),
            ("e_reversed_kind", entries.Select(e => e.Entry.ReversedKind).ToArray()),
            ("e_date", entries.Select(e => e.Entry.EffectiveDate).ToArray())));

        var positions = new Dictionary<(string, string), long>();
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                positions[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        return postings.Select(p => positions[(p.PracticeId, p.PostingId)]).ToArray();
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                // Nullable element arrays need their PostgreSQL type spelled out.
                string?[] texts => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts },
                _ => new NpgsqlParameter(name, value),
            });
        }

        return command;
    }
}
