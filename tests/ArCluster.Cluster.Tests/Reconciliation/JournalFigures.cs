using System.Globalization;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Persistence.Feed;
using Npgsql;
using NpgsqlTypes;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// A practice's reconciliation figures summed straight from arcluster_ledger_entry with SQL, apart
/// from any code the reconciliation itself runs: reversals count negatively in the kind they reverse.
/// </summary>
internal sealed record JournalFigures(
    decimal Charges,
    decimal PayerPayments,
    decimal PatientPayments,
    decimal Adjustments,
    decimal Transfers,
    decimal Refunds,
    decimal ProviderAdjustments,
    decimal RemittanceAdvices,
    decimal Deposits)
{
    /// <summary>The practice's figures over the whole journal, or only its postings up to <paramref name="through"/> in the feed.</summary>
    public static async Task<JournalFigures> ReadAsync(string connectionString, string practiceId, FeedCursor? through = null)
    {
        var last = through ?? new FeedCursor(long.MaxValue, long.MaxValue);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(e.reversed_kind, e.kind), sum(CASE WHEN e.kind = 'Reversal' THEN -e.amount ELSE e.amount END)
            FROM arcluster_ledger_entry e JOIN arcluster_ledger_posting p ON p.position = e.posting_position
            WHERE e.practice_id = $1 AND (p.transaction_id, p.position) <= ($2, $3)
            GROUP BY 1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = practiceId });
        command.Parameters.Add(new NpgsqlParameter<ulong>{ NpgsqlDbType = NpgsqlDbType.Xid8, TypedValue = last.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last.Position });
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sums[reader.GetString(0)] = reader.GetDecimal(1);
            }
        }

        decimal Sum(string kind) => sums.GetValueOrDefault(kind);
        return new JournalFigures(
            Sum("Charge"), Sum("PayerPayment"), Sum("PatientPayment"), Sum("Adjustment"), Sum("Transfer"),
            Sum("Refund"), Sum("ProviderAdjustment"), Sum("RemittanceAdvice"), Sum("Deposit"));
    }

    /// <summary>The same figures as the live reconciliation reports them.</summary>
    public static JournalFigures Of(ReconciliationFiguresView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new JournalFigures(
            view.Charges, view.PayerPayments, view.PatientPayments, view.Adjustments, view.TransfersByParty.Values.Sum(),
            view.Refunds, view.ProviderAdjustments, view.RemittanceAdvices, view.Deposits);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"charges {Charges}, payer payments {PayerPayments}, patient payments {PatientPayments}, adjustments {Adjustments}, transfers {Transfers}, " +
        $"refunds {Refunds}, PLB {ProviderAdjustments}, 835s {RemittanceAdvices}, deposits {Deposits}");
}
