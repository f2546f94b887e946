using System.Collections.Immutable;
using ArCluster.Domain.Practices;

namespace ArCluster.Domain.Aging;

/// <summary>
/// A practice's accounts receivable on a day, aged: insurance balances by payer (a claim's primary
/// balance under its primary payer, its secondary balance under its secondary payer) and patient
/// balances, each by bucket. Credit balances stay in the bucket of their claim rather than being
/// dropped or netted elsewhere, so the buckets always add up to the claims' AR to the cent; their
/// total is also given on its own (<see cref="CreditBalances"/>), because credits are work too
/// (refunds owed). Patient credit on an account, not applied to any claim, has no service or billing
/// date to age from: it is its own line (<see cref="UnappliedPatientCredit"/>), part of total AR,
/// exactly as the ledger nets it (charges − payments − adjustments + refunds).
/// </summary>
public sealed record ArAging(
    DateOnly AsOf,
    AgingBasis Basis,
    ImmutableArray<AgingRow> Payers,
    AgingRow Patient,
    Money UnappliedPatientCredit,
    ImmutableArray<Money> BucketTotals,
    ImmutableArray<int> ClaimsByBucket,
    int OpenClaims,
    Money CreditBalances)
{
    /// <summary>What claims owe, every bucket together.</summary>
    public Money ClaimsTotal => Money.Sum(BucketTotals);

    /// <summary>Every bucket plus unapplied patient credit: the ledger's total AR.</summary>
    public Money TotalAr => ClaimsTotal + UnappliedPatientCredit;

    /// <summary>Ages <paramref name="claims"/> as of <paramref name="asOf"/>, from the dates <paramref name="basis"/> names.</summary>
    public static ArAging Of(IEnumerable<ClaimBalance> claims, DateOnly asOf, AgingBasis basis, Money unappliedPatientCredit)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var payers = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var patient = new Tally();
        var claimsByBucket = new int[AgingBuckets.Count];
        var open = 0;
        long credits = 0;
        foreach (var claim in claims)
        {
            if (claim.IsClosed)
            {
                continue;
            }

            var bucket = (int)AgingBuckets.Of(claim.BasisDate(basis), asOf);
            open++;
            claimsByBucket[bucket]++;
            var b = claim.Balances;
            // A balance with no payer in its role (a self-pay claim that still shows a primary
            // balance) stays in AR under the payer "" rather than vanishing from the total.
            Payer(payers, claim.PrimaryPayerId).Add(bucket, b.Primary);
            Payer(payers, claim.SecondaryPayerId).Add(bucket, b.Secondary);
            patient.Add(bucket, b.Patient);
            credits += Math.Min(0, b.Primary.Cents) + Math.Min(0, b.Secondary.Cents) + Math.Min(0, b.Patient.Cents);
        }

        var rows = payers.Where(p => p.Value.Claims > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value.ToRow(p.Key))
            .ToImmutableArray();
        var patientRow = patient.ToRow(null);
        var totals = Enumerable.Range(0, AgingBuckets.Count)
            .Select(i => Money.Sum(rows.Select(r => r.Buckets[i]).Append(patientRow.Buckets[i])))
            .ToImmutableArray();
        return new ArAging(asOf, basis, rows, patientRow, unappliedPatientCredit, totals, [.. claimsByBucket], open, Money.FromCents(credits));
    }

    private static Tally Payer(Dictionary<string, Tally> payers, string? payerId)
    {
        var key = payerId ?? string.Empty;
        if (!payers.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            payers[key] = tally;
        }

        return tally;
    }

    /// <summary>Sums in whole cents: a practice's claims are added without a rounding step per claim.</summary>
    private sealed class Tally
    {
        private readonly long[] _cents = new long[AgingBuckets.Count];
        private int _claims;

        public int Claims => _claims;

        public void Add(int bucket, Money amount)
        {
            if (!amount.IsZero)
            {
                _cents[bucket] += amount.Cents;
                _claims++;
            }
        }

        public AgingRow ToRow(string? payerId) => new(payerId, [.. _cents.Select(Money.FromCents)], _claims);
    }
}
