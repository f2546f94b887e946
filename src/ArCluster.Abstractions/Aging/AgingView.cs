using System.Collections.Immutable;
using ArCluster.Abstractions.Practices;

namespace ArCluster.Abstractions.Aging;

/// <summary>
/// AR aging as of a day, for a practice or (scope "company") every practice. Buckets are indexed as
/// <see cref="BucketLabels"/>. Every row adds up across, every bucket down, and
/// Σ <see cref="BucketTotals"/> + <see cref="UnappliedPatientCredit"/> = <see cref="TotalAr"/>, the
/// ledger's charges − payments − adjustments + refunds, to the cent. Credit balances on claims stay
/// in their claim's bucket (<see cref="CreditBalances"/> is their total, for information); patient
/// credit on accounts, applied to no claim, has no date to age from and is its own line.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.AgingView")]
public sealed record AgingView(
    [property: Id(0)] string Scope,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] AgingBasis? Basis,
    [property: Id(3)] ImmutableArray<AgingRowView> Payers,
    [property: Id(4)] AgingRowView Patient,
    [property: Id(5)] decimal UnappliedPatientCredit,
    [property: Id(6)] ImmutableArray<decimal> BucketTotals,
    [property: Id(7)] decimal TotalAr,
    [property: Id(8)] decimal CreditBalances,
    [property: Id(9)] int OpenClaims,
    [property: Id(10)] ImmutableArray<int> ClaimsByBucket,
    [property: Id(11)] AgingKpisView Kpis,
    [property: Id(12)] ImmutableArray<AgingPracticeRow> Practices,
    [property: Id(13)] DateTimeOffset ComputedAt)
{
    public static readonly ImmutableArray<string> BucketLabels = ["0–30", "31–60", "61–90", "91–120", "120+"];
}

/// <summary>What one payer (or, with no payer id, the patients) owes by bucket, on how many claims.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.AgingRowView")]
public sealed record AgingRowView(
    [property: Id(0)] string? PayerId,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<decimal> Buckets,
    [property: Id(3)] decimal Total,
    [property: Id(4)] int Claims);

/// <summary>
/// Days in AR (total AR ÷ average daily charges) and net collection rate (payments ÷ (charges − CO
/// adjustments)) over the <see cref="Days"/> days ending on the as-of date, from the live
/// reconciliation; null where there were no charges.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.AgingKpisView")]
public sealed record AgingKpisView(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] int Days,
    [property: Id(3)] decimal Charges,
    [property: Id(4)] decimal Payments,
    [property: Id(5)] decimal ContractualAdjustments,
    [property: Id(6)] decimal? DaysInAr,
    [property: Id(7)] decimal? NetCollectionRate);

/// <summary>One practice's line in the company aging.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.AgingPracticeRow")]
public sealed record AgingPracticeRow(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] AgingBasis? Basis,
    [property: Id(2)] ImmutableArray<decimal> Buckets,
    [property: Id(3)] decimal UnappliedPatientCredit,
    [property: Id(4)] decimal TotalAr,
    [property: Id(5)] int OpenClaims,
    [property: Id(6)] decimal? DaysInAr,
    [property: Id(7)] decimal? NetCollectionRate);
