using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Cluster.Tests.Aging;

/// <summary>
/// A practice's open claims summed straight from arcluster_ledger_entry with SQL, apart from any
/// code aging runs: per claim and party, charges and refunds add, payments and adjustments take
/// away, a transfer moves its amount to the receiving party, a reversal counts negatively in the
/// kind it reverses. Each claim ages from its earliest charge's date (its first date of service).
/// </summary>
internal sealed record JournalAging(IReadOnlyList<JournalAging.OpenClaim> Claims, decimal TotalAr)
{
    public sealed record OpenClaim(string ClaimId, DateOnly FirstServiceDate, decimal Insurance, decimal Patient);

    public static async Task<JournalAging> ReadAsync(string connectionString, string practiceId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH e AS (
                SELECT claim_id, party, to_party, coalesce(reversed_kind, kind) AS kind,
                       CASE WHEN kind = 'Reversal' THEN -amount ELSE amount END AS amount, effective_date
                FROM arcluster_ledger_entry WHERE practice_id = $1 AND claim_id IS NOT NULL),
            owed AS (
                SELECT claim_id, party, CASE WHEN kind IN ('Charge', 'Refund') THEN amount
                                             WHEN kind IN ('PayerPayment', 'PatientPayment', 'Adjustment', 'Transfer') THEN -amount ELSE 0 END AS amount
                FROM e
                UNION ALL
                SELECT claim_id, to_party, amount FROM e WHERE kind = 'Transfer'),
            served AS (SELECT claim_id, min(effective_date) AS day FROM e WHERE kind = 'Charge' GROUP BY claim_id)
            SELECT o.claim_id, s.day,
                   sum(o.amount) FILTER (WHERE o.party IN ('Primary', 'Secondary')),
                   sum(o.amount) FILTER (WHERE o.party = 'Patient')
            FROM owed o JOIN served s ON s.claim_id = o.claim_id
            GROUP BY o.claim_id, s.day
            HAVING (coalesce(sum(o.amount) FILTER (WHERE o.party = 'Primary'), 0) <> 0
                OR coalesce(sum(o.amount) FILTER (WHERE o.party = 'Secondary'), 0) <> 0
                OR coalesce(sum(o.amount) FILTER (WHERE o.party = 'Patient'), 0) <> 0)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = practiceId });
        var claims = new List<OpenClaim>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                claims.Add(new OpenClaim(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? 0m : reader.GetDecimal(2), reader.IsDBNull(3) ? 0m : reader.GetDecimal(3)));
            }
        }

        // Total AR as the demo and DOMAIN.md define it: charges − payments − adjustments + refunds, every entry of the practice.
        var total = await TestSql.DecimalAsync(connectionString, $"""
            SELECT coalesce(sum(CASE WHEN kind = 'Reversal' THEN -1 ELSE 1 END
                * CASE WHEN coalesce(reversed_kind, kind) IN ('Charge', 'Refund') THEN amount
                       WHEN coalesce(reversed_kind, kind) IN ('PayerPayment', 'PatientPayment', 'Adjustment') THEN -amount ELSE 0 END), 0)
            FROM arcluster_ledger_entry WHERE practice_id = '{practiceId}'
            """);
        return new JournalAging(claims, total);
    }

    /// <summary>0–30, 31–60, 61–90, 91–120, 120+ days from the first date of service to <paramref name="asOf"/>; a future date counts as 0.</summary>
    public static int Bucket(DateOnly servedOn, DateOnly asOf)
    {
        var days = Math.Max(0, asOf.DayNumber - servedOn.DayNumber);
        return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : days <= 120 ? 3 : 4;
    }

    public decimal[] InsuranceBuckets(DateOnly asOf) => Buckets(asOf, c => c.Insurance);

    public decimal[] PatientBuckets(DateOnly asOf) => Buckets(asOf, c => c.Patient);

    private decimal[] Buckets(DateOnly asOf, Func<OpenClaim, decimal> amount)
    {
        var buckets = new decimal[5];
        foreach (var claim in Claims)
        {
            buckets[Bucket(claim.FirstServiceDate, asOf)] += amount(claim);
        }

        return buckets;
    }
}
