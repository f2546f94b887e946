using ArCluster.Domain;
using ArCluster.Domain.Reconciliation;
using ArCluster.Persistence.Feed;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Reconciliation;

/// <summary>
/// Reconciliation totals and the feed mark they count up to, stored in one transaction: a total
/// never includes an entry its mark does not cover, so a redelivered entry is never counted twice.
/// </summary>
public sealed class ReconciliationStore(NpgsqlDataSource dataSource)
{
    public const string Consumer = "reconciliation";

    public async Task<StoredReconciliation> LoadAsync(string practiceId, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both reads: lines saved after the mark was read must not come with it.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            "SELECT transaction_id, position FROM arcluster_ledger_feed_mark WHERE consumer = @consumer AND practice_id = @practice",
            Practice(practiceId)));
        batch.BatchCommands.Add(Command(
            """
            SELECT day, category, payer_id, detail, amount FROM arcluster_reconciliation_total
            WHERE practice_id = @practice AND day BETWEEN @from AND @to
            """,
            [.. Practice(practiceId), new NpgsqlParameter<DateOnly>("from", from ?? DateOnly.MinValue), new NpgsqlParameter<DateOnly>("to", to ?? DateOnly.MaxValue)]));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var mark = await reader.ReadAsync(cancellationToken) ? new FeedCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : FeedCursor.Start;
        await reader.NextResultAsync(cancellationToken);
        var lines = new List<KeyValuePair<TotalKey, Money>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new TotalKey(reader.GetFieldValue<DateOnly>(0), Enum.Parse<TotalCategory>(reader.GetString(1)), reader.GetString(2), reader.GetString(3));
            lines.Add(new(key, Money.Of(reader.GetDecimal(4))));
        }

        await reader.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return new StoredReconciliation(mark, lines);
    }

    /// <summary>
    /// Moves the mark from <paramref name="expected"/> to <paramref name="through"/> and stores the new
    /// amounts of the changed lines, or throws <see cref="StaleMarkException"/> if the mark had moved.
    /// </summary>
    public async Task SaveAsync(
        string practiceId, FeedCursor expected, FeedCursor through, IReadOnlyCollection<KeyValuePair<TotalKey, Money>> changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var mark = new NpgsqlBatch(connection, transaction);
        mark.BatchCommands.Add(FeedMarks.Move(Consumer, practiceId, expected, through));

        // The mark moves first and alone: a stale copy stops here, holding no line it could
        // deadlock the current copy on.
        if (await mark.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new StaleMarkException(Consumer, practiceId);
        }

        if (changed.Count > 0)
        {
            await using var lines = new NpgsqlBatch(connection, transaction);
            lines.BatchCommands.Add(Command(
                """
                INSERT INTO arcluster_reconciliation_total (practice_id, day, category, payer_id, detail, amount)
                SELECT @practice, * FROM unnest(@days, @categories, @payers, @details, @amounts)
                ON CONFLICT (practice_id, day, category, payer_id, detail) DO UPDATE SET amount = excluded.amount
                """,
                [
                    .. Practice(practiceId),
                    new NpgsqlParameter<DateOnly[]>("days", [.. changed.Select(l => l.Key.Day)]),
                    new NpgsqlParameter<string[]>("categories", [.. changed.Select(l => l.Key.Category.ToString())]),
                    new NpgsqlParameter<string[]>("payers", [.. changed.Select(l => l.Key.Payer)]),
                    new NpgsqlParameter<string[]>("details", [.. changed.Select(l => l.Key.Detail)]),
                    new NpgsqlParameter<decimal[]>("amounts", [.. changed.Select(l => l.Value.Amount)]),
                ]));
            await lines.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets a practice's totals and mark, so its reconciliation counts the journal again from the start.</summary>
    public async Task ResetAsync(string practiceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("DELETE FROM arcluster_reconciliation_total WHERE practice_id = @practice", Practice(practiceId)));
        batch.BatchCommands.Add(Command("DELETE FROM arcluster_ledger_feed_mark WHERE consumer = @consumer AND practice_id = @practice", Practice(practiceId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlParameter[] Practice(string practiceId) =>
        [new NpgsqlParameter<string>("consumer", Consumer), new NpgsqlParameter<string>("practice", practiceId)];

    private static NpgsqlBatchCommand Command(string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
