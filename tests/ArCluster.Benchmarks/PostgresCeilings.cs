using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Benchmarks;

/// <summary>
/// What the database can do with no ArCluster code in the way, on rows shaped like ledger entries:
/// one row per transaction from many connections (the cost of committing each posting alone), and
/// one bulk copy (the cost of the rows themselves).
/// </summary>
internal static class PostgresCeilings
{
    private static string Table(string name) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
            practice_id text NOT NULL, entry_id text NOT NULL, claim_id text, kind text NOT NULL,
            amount numeric(18,2) NOT NULL, effective_date date NOT NULL, posted_at timestamptz NOT NULL,
            PRIMARY KEY (practice_id, entry_id))
        """;

    public static async Task<double> SingleRowCommitsPerSecondAsync(string database, int connections, TimeSpan duration)
    {
        await ExecuteAsync(database, Table("bench_single_row"));
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            await using var connection = await OpenDurableAsync(database);

            await using var insert = new NpgsqlCommand(
                "INSERT INTO bench_single_row VALUES ('bench', $1, 'C1', 'Adjustment', 0.01, '2026-10-01', now())", connection);
            var id = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            await insert.PrepareAsync();
            var rows = 0;
            while (clock.Elapsed < duration)
            {
                id.Value = $"{run}-{worker}-{rows}";
                await insert.ExecuteNonQueryAsync();
                rows++;
            }

            return rows;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The journal's own rows — a posting with a typical payload and its entry — written the naive
    /// way, one posting per transaction from many connections: what the grains would get without
    /// group commit, on exactly the tables they use.
    /// </summary>
    public static async Task<double> UnbatchedJournalPostingsPerSecondAsync(string database, int connections, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var payload = new string('x', 900);
        var hash = new byte[32];
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            await using var connection = await OpenDurableAsync(database);

            await using var insert = new NpgsqlCommand(
                """
                WITH posting AS (
                    INSERT INTO arcluster_ledger_posting (practice_id, posting_id, stream_id, stream_version, operation, command_hash, posted_at, posted_by, payload)
                    VALUES ('unbatched', $1, $1, 1, 'Adjustment', $2, now(), 'bench', $3)
                    RETURNING position)
                INSERT INTO arcluster_ledger_entry (practice_id, entry_id, posting_position, stream_id, claim_id, line_number, kind, amount, party, adjustment_group, reason_code, payer_id, effective_date, posted_at)
                SELECT 'unbatched', $1 || '/1', position, $1, 'C1', 1, 'Adjustment', 0.01, 'Primary', 'CO', '45', '87726', '2026-10-15', now() FROM posting
                """, connection);
            var id = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = hash });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = payload });
            var rows = 0;
            while (clock.Elapsed < duration)
            {
                id.Value = $"{run}-{worker}-{rows}";
                await using var transaction = await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                rows++;
            }

            return rows;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    public static async Task<double> BulkRowsPerSecondAsync(string database, int rows)
    {
        await ExecuteAsync(database, Table("bench_bulk"));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY bench_bulk (practice_id, entry_id, claim_id, kind, amount, effective_date, posted_at) FROM STDIN (FORMAT BINARY)"))
            {
                var postedAt = DateTimeOffset.UtcNow;
                for (var i = 0; i < rows; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync("bench", NpgsqlDbType.Text);
                    await copy.WriteAsync($"bulk-{i}", NpgsqlDbType.Text);
                    await copy.WriteAsync("C1", NpgsqlDbType.Text);
                    await copy.WriteAsync("Adjustment", NpgsqlDbType.Text);
                    await copy.WriteAsync(0.01m, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(new DateOnly(2026, 10, 1), NpgsqlDbType.Date);
                    await copy.WriteAsync(postedAt, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static async Task<NpgsqlConnection> OpenDurableAsync(string database)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var durable = new NpgsqlCommand("SET synchronous_commit TO on", connection);
        await durable.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
