using System.Collections.Immutable;
using ArCluster.Abstractions.Aging;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Domain;
using ArCluster.Domain.Aging;
using ArCluster.Domain.Metrics;

namespace ArCluster.Grains.Aging;

/// <summary>Aging as the wire carries it; practices' views add up to the company's.</summary>
internal static class AgingViews
{
    /// <summary>Days in AR and net collection rate are measured over this many days up to the as-of date.</summary>
    public const int KpiDays = 90;

    public const string NoPayer = "(no payer)";

    public static DateOnly KpiStart(DateOnly asOf) => asOf.AddDays(-(KpiDays - 1));

    public static AgingView ToView(string practiceId, ArAging aging, PracticeView practice, ReconciliationFiguresView recent, DateTimeOffset computedAt)
    {
        var names = practice.Payers.ToDictionary(p => p.PayerId, p => p.Name, StringComparer.Ordinal);
        var payers = aging.Payers
            .Select(r => Row(r.PayerId, names.GetValueOrDefault(r.PayerId ?? string.Empty) ?? NoPayer, r))
            .ToImmutableArray();
        return new AgingView(
            practiceId,
            aging.AsOf,
            practice.AgingBasis,
            payers,
            Row(null, "Patient", aging.Patient),
            aging.UnappliedPatientCredit.Amount,
            [.. aging.BucketTotals.Select(m => m.Amount)],
            aging.TotalAr.Amount,
            aging.CreditBalances.Amount,
            aging.OpenClaims,
            aging.ClaimsByBucket,
            Kpis(aging.AsOf, aging.TotalAr.Amount, recent.Charges, recent.PayerPayments + recent.PatientPayments, recent.AdjustmentsByGroup.GetValueOrDefault("CO")),
            [],
            computedAt);
    }

    /// <summary>The company: every practice's rows summed by payer, its KPIs from the summed figures (not an average of rates).</summary>
    public static AgingView Sum(string scope, DateOnly asOf, IReadOnlyList<AgingView> practices, DateTimeOffset computedAt)
    {
        var payers = practices.SelectMany(p => p.Payers)
            .GroupBy(r => r.PayerId ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => SumRows(g.First().PayerId, g.First().Name, [.. g]))
            .ToImmutableArray();
        var totalAr = practices.Sum(p => p.TotalAr);
        var kpis = practices.Select(p => p.Kpis).ToArray();
        return new AgingView(
            scope,
            asOf,
            null,
            payers,
            SumRows(null, "Patient", [.. practices.Select(p => p.Patient)]),
            practices.Sum(p => p.UnappliedPatientCredit),
            SumBuckets(practices.Select(p => p.BucketTotals)),
            totalAr,
            practices.Sum(p => p.CreditBalances),
            practices.Sum(p => p.OpenClaims),
            [.. Enumerable.Range(0, AgingBuckets.Count).Select(b => practices.Sum(p => p.ClaimsByBucket[b]))],
            Kpis(asOf, totalAr, kpis.Sum(k => k.Charges), kpis.Sum(k => k.Payments), kpis.Sum(k => k.ContractualAdjustments)),
            [.. practices.Select(p => new AgingPracticeRow(p.Scope, p.Basis, p.BucketTotals, p.UnappliedPatientCredit, p.TotalAr, p.OpenClaims, p.Kpis.DaysInAr, p.Kpis.NetCollectionRate))],
            computedAt);
    }

    private static AgingKpisView Kpis(DateOnly asOf, decimal totalAr, decimal charges, decimal payments, decimal contractual) => new(
        KpiStart(asOf),
        asOf,
        KpiDays,
        charges,
        payments,
        contractual,
        RevenueCycleMetrics.DaysInAr(Money.Of(totalAr), Money.Of(charges), KpiDays),
        RevenueCycleMetrics.NetCollectionRate(Money.Of(payments), Money.Of(charges), Money.Of(contractual)));

    private static AgingRowView Row(string? payerId, string name, AgingRow row) =>
        new(payerId, name, [.. row.Buckets.Select(m => m.Amount)], row.Total.Amount, row.Claims);

    private static AgingRowView SumRows(string? payerId, string name, AgingRowView[] rows)
    {
        var buckets = SumBuckets(rows.Select(r => r.Buckets));
        return new AgingRowView(payerId, name, buckets, buckets.Sum(), rows.Sum(r => r.Claims));
    }

    private static ImmutableArray<decimal> SumBuckets(IEnumerable<ImmutableArray<decimal>> rows)
    {
        var all = rows.ToArray();
        return [.. Enumerable.Range(0, AgingBuckets.Count).Select(b => all.Sum(r => r[b]))];
    }
}
