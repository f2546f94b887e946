using ArCluster.Domain;
using ArCluster.Domain.Metrics;

namespace ArCluster.Domain.Tests.Metrics;

public class RevenueCycleMetricsTest
{
    [Fact]
    public void Denial_rate_is_first_pass_denials_over_first_adjudications()
    {
        Assert.Equal(0.07m, RevenueCycleMetrics.DenialRate(7, 100));
        Assert.Null(RevenueCycleMetrics.DenialRate(0, 0));
    }

    [Fact]
    public void Days_in_ar_is_ar_over_average_daily_charges()
    {
        // 90,000.00 charged over 30 days is 3,000.00 a day; AR of 105,000.00 is 35 days of it.
        Assert.Equal(35.0m, RevenueCycleMetrics.DaysInAr(Money.Of(105_000m), Money.Of(90_000m), 30));
        Assert.Null(RevenueCycleMetrics.DaysInAr(Money.Of(5m), Money.Zero, 30));
    }

    [Fact]
    public void Net_collection_rate_leaves_contractual_write_offs_out()
    {
        // Billed 1,000, 400 written off by contract: 570 collected of 600 collectible = 95%.
        Assert.Equal(0.95m, RevenueCycleMetrics.NetCollectionRate(Money.Of(570m), Money.Of(1_000m), Money.Of(400m)));
        Assert.Null(RevenueCycleMetrics.NetCollectionRate(Money.Zero, Money.Of(400m), Money.Of(400m)));
    }
}
