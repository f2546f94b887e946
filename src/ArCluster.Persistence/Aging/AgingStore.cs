using ArCluster.Domain;
using ArCluster.Domain.Aging;
using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Persistence.Aging;

/// <summary>
/// A practice's open claim balances and unapplied credit, stored with the feed mark they count up to
/// in one transaction, the mark moved by compare-and-set: of two copies of a practice's aging, only
/// the one holding the current mark can store, so no entry is ever counted twice.
/// </summary>
public sealed class AgingStore(NpgsqlDataSource dataSource)
{
    public const string Consumer = "aging";

    public async Task<StoredAging> LoadAsync(string practiceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for all three reads: rows saved after the mark was read must not come with it.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("SELECT transaction_id, position FROM arcluster_ledger_feed_mark WHERE consumer = @consumer AND practice_id = @practice", Practice(practiceId)));
        batch.BatchCommands.Add(Command(
            """
            SELECT claim_id, account_id, first_service_date, billed_on, primary_payer_id, secondary_payer_id, primary_balance, secondary_balance, patient_balance
            FROM arcluster_ar_open_claim WHERE practice_id = @practice
            """,
            Practice(practiceId)));
        batch.BatchCommands.Add(Command("SELECT account_id, amount FROM arcluster_ar_unapplied_credit WHERE practice_id = @practice", Practice(practiceId)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var mark = await reader.ReadAsync(cancellationToken) ? new FeedCursor(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : FeedCursor.Start;
        await reader.NextResultAsync(cancellationToken);
        var claims = new List<ClaimBalance>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(new ClaimBalance(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetFieldValue<DateOnly>(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                new PartyBalances(Money.Of(reader.GetDecimal(6)), Money.Of(reader.GetDecimal(7)), Money.Of(reader.GetDecimal(8)))));
        }

        await reader.NextResultAsync(cancellationToken);
        var credits = new List<KeyValuePair<string, Money>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            credits.Add(new(reader.GetString(0), Money.Of(reader.GetDecimal(1))));
        }

        await reader.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return new StoredAging(mark, claims, credits);
    }

    /// <summary>
    /// Moves the mark from <paramref name="expected"/> to <paramref name="through"/> and stores the
    /// changed claims (deleting those now closed) and credits, or throws <see cref="StaleMarkException"/>
    /// if the mark had moved.
    /// </summary>
    public async Task SaveAsync(string practiceId, FeedCursor expected, FeedCursor through, AgingChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var mark = new NpgsqlBatch(connection, transaction))
        {
            mark.BatchCommands.Add(FeedMarks.Move(Consumer, practiceId, expected, through));
            // The mark moves first and alone: a stale copy stops here, holding no row it could
            // deadlock the current copy on.
            if (await mark.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new StaleMarkException(Consumer, practiceId);
            }
        }

        if (!changes.IsEmpty)
        {
            await using var rows = new NpgsqlBatch(connection, transaction);
            var open = changes.Claims.Where(c => !c.IsClosed).ToArray();
            rows.BatchCommands.Add(Command(
                """
                INSERT INTO arcluster_ar_open_claim (practice_id, claim_id, account_id, first_service_date, billed_on, primary_payer_id, secondary_payer_id,
                                                     primary_balance, secondary_balance, patient_balance)
                SELECT @practice, * FROM unnest(@claims, @accounts, @served, @billed, @primary_payers, @secondary_payers, @primary, @secondary, @patient)
                ON CONFLICT (practice_id, claim_id) DO UPDATE SET
                    primary_balance = excluded.primary_balance, secondary_balance = excluded.secondary_balance, patient_balance = excluded.patient_balance
                """,
                [
                    .. Practice(practiceId),
                    new NpgsqlParameter<string[]>("claims", [.. open.Select(c => c.ClaimId)]),
                    new NpgsqlParameter<string[]>("accounts", [.. open.Select(c => c.AccountId)]),
                    new NpgsqlParameter<DateOnly[]>("served", [.. open.Select(c => c.FirstServiceDate)]),
                    new NpgsqlParameter<DateOnly[]>("billed", [.. open.Select(c => c.BilledOn)]),
                    new NpgsqlParameter<string?[]>("primary_payers", [.. open.Select(c => c.PrimaryPayerId)]),
                    new NpgsqlParameter<string?[]>("secondary_payers", [.. open.Select(c => c.SecondaryPayerId)]),
                    new NpgsqlParameter<decimal[]>("primary", [.. open.Select(c => c.Balances.Primary.Amount)]),
                    new NpgsqlParameter<decimal[]>("secondary", [.. open.Select(c => c.Balances.Secondary.Amount)]),
                    new NpgsqlParameter<decimal[]>("patient", [.. open.Select(c => c.Balances.Patient.Amount)]),
                ]));
            rows.BatchCommands.Add(Command(
                "DELETE FROM arcluster_ar_open_claim WHERE practice_id = @practice AND claim_id = ANY(@closed)",
                [.. Practice(practiceId), new NpgsqlParameter<string[]>("closed", [.. changes.Claims.Where(c => c.IsClosed).Select(c => c.ClaimId)])]));
            var credits = changes.Credits.Where(c => !c.Value.IsZero).ToArray();
            rows.BatchCommands.Add(Command(
                """
                INSERT INTO arcluster_ar_unapplied_credit (practice_id, account_id, amount)
                SELECT @practice, * FROM unnest(@accounts, @amounts)
                ON CONFLICT (practice_id, account_id) DO UPDATE SET amount = excluded.amount
                """,
                [
                    .. Practice(practiceId),
                    new NpgsqlParameter<string[]>("accounts", [.. credits.Select(c => c.Key)]),
                    new NpgsqlParameter<decimal[]>("amounts", [.. credits.Select(c => c.Value.Amount)]),
                ]));
            rows.BatchCommands.Add(Command(
                "DELETE FROM arcluster_ar_unapplied_credit WHERE practice_id = @practice AND account_id = ANY(@settled)",
                [.. Practice(practiceId), new NpgsqlParameter<string[]>("settled", [.. changes.Credits.Where(c => c.Value.IsZero).Select(c => c.Key)])]));
            await rows.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets a practice's open claims, credits and mark, so its aging counts the journal again from the start.</summary>
    public async Task ResetAsync(string practiceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("DELETE FROM arcluster_ar_open_claim WHERE practice_id = @practice", Practice(practiceId)));
        batch.BatchCommands.Add(Command("DELETE FROM arcluster_ar_unapplied_credit WHERE practice_id = @practice", Practice(practiceId)));
        batch.BatchCommands.Add(Command("DELETE FROM arcluster_ledger_feed_mark WHERE consumer = @consumer AND practice_id = @practice", Practice(practiceId)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Every claim's balances by party and every account's unapplied credit, summed in SQL from the
    /// practice's journal entries up to <paramref name="through"/>: what <see cref="LoadAsync"/> must
    /// hold at that mark. A reversal counts negatively in the kind it reverses; a transfer moves its
    /// amount from its party to its receiving party.
    /// </summary>
    public async Task<JournalBalances> JournalBalancesAsync(string practiceId, FeedCursor through, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH entry AS (
                SELECT e.claim_id, e.account_id, e.party, e.to_party, coalesce(e.reversed_kind, e.kind) AS kind,
                       CASE WHEN e.kind = 'Reversal' THEN -e.amount ELSE e.amount END AS amount
                FROM arcluster_ledger_entry e JOIN arcluster_ledger_posting p ON p.position = e.posting_position
                WHERE e.practice_id = @practice AND (p.transaction_id, p.position) <= (@through_tx, @through_position)),
            effect AS (
                SELECT claim_id, account_id, party,
                       CASE WHEN kind IN ('Charge', 'Refund') THEN amount
                            WHEN kind IN ('PayerPayment', 'PatientPayment', 'Adjustment', 'Transfer') THEN -amount
                            ELSE 0 END AS amount
                FROM entry
                UNION ALL
                SELECT claim_id, account_id, to_party, amount FROM entry WHERE kind = 'Transfer')
            SELECT claim_id, CASE WHEN claim_id IS NULL THEN coalesce(account_id, '') END, party, sum(amount)
            FROM effect GROUP BY 1, 2, 3 HAVING sum(amount) <> 0
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("practice", practiceId));
        command.Parameters.Add(new NpgsqlParameter<ulong>("through_tx", NpgsqlDbType.Xid8) { TypedValue = through.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long>("through_position", through.Position));
        var claims = new Dictionary<string, PartyBalances>(StringComparer.Ordinal);
        var credits = new Dictionary<string, Money>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var party = Enum.Parse<ResponsibleParty>(reader.GetString(2));
            var amount = Money.Of(reader.GetDecimal(3));
            if (!reader.IsDBNull(0))
            {
                var claim = claims.GetValueOrDefault(reader.GetString(0));
                claims[reader.GetString(0)] = party switch
                {
                    ResponsibleParty.Primary => claim with { Primary = claim.Primary + amount },
                    ResponsibleParty.Secondary => claim with { Secondary = claim.Secondary + amount },
                    _ => claim with { Patient = claim.Patient + amount },
                };
            }
            else
            {
                credits[reader.GetString(1)] = credits.GetValueOrDefault(reader.GetString(1)) + amount;
            }
        }

        return new JournalBalances(claims, credits);
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
