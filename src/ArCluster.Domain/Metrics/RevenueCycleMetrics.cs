namespace ArCluster.Domain.Metrics;

/// <summary>
/// The revenue-cycle KPIs billing companies report, by the formulas in DOMAIN.md. Null where the
/// denominator is zero: "no claims adjudicated" is not a 0% denial rate.
/// </summary>
public static class RevenueCycleMetrics
{
    /// <summary>Claims denied on first adjudication ÷ claims adjudicated for the first time.</summary>
    public static decimal? DenialRate(int deniedOnFirstAdjudication, int firstAdjudications) =>
        firstAdjudications <= 0 ? null : (decimal)deniedOnFirstAdjudication / firstAdjudications;

    /// <summary>Total AR ÷ average daily charges over <paramref name="days"/> days.</summary>
    public static decimal? DaysInAr(Money totalAr, Money chargesInPeriod, int days)
    {
        if (days <= 0 || !chargesInPeriod.IsPositive)
        {
            return null;
        }

        return decimal.Round(totalAr.Amount / (chargesInPeriod.Amount / days), 1);
    }

    /// <summary>Payments ÷ (charges − contractual adjustments): what was collected of what could be.</summary>
    public static decimal? NetCollectionRate(Money payments, Money charges, Money contractualAdjustments)
    {
        var collectible = charges - contractualAdjustments;
        return collectible.IsPositive ? payments.Amount / collectible.Amount : null;
    }
}
