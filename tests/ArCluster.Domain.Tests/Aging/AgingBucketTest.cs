using ArCluster.Domain.Aging;

namespace ArCluster.Domain.Tests.Aging;

public class AgingBucketTest
{
    private static readonly DateOnly Visit = new(2026, 1, 10);

    [Theory]
    [InlineData(0, AgingBucket.Days0To30)]
    [InlineData(30, AgingBucket.Days0To30)]
    [InlineData(31, AgingBucket.Days31To60)]
    [InlineData(60, AgingBucket.Days31To60)]
    [InlineData(61, AgingBucket.Days61To90)]
    [InlineData(90, AgingBucket.Days61To90)]
    [InlineData(91, AgingBucket.Days91To120)]
    [InlineData(120, AgingBucket.Days91To120)]
    [InlineData(121, AgingBucket.Over120)]
    [InlineData(2000, AgingBucket.Over120)]
    public void A_balance_moves_to_the_next_bucket_on_the_day_after_the_buckets_last_day(int days, AgingBucket bucket)
    {
        Assert.Equal(days, AgingBuckets.AgeInDays(Visit, Visit.AddDays(days)));
        Assert.Equal(bucket, AgingBuckets.Of(Visit, Visit.AddDays(days)));
    }

    [Fact]
    public void A_basis_date_after_the_as_of_date_is_not_yet_aged()
    {
        Assert.Equal(0, AgingBuckets.AgeInDays(Visit, Visit.AddDays(-45)));
        Assert.Equal(AgingBucket.Days0To30, AgingBuckets.Of(Visit, Visit.AddDays(-45)));
    }

    [Fact]
    public void Buckets_are_labelled_as_billing_companies_report_them()
    {
        Assert.Equal(["0–30", "31–60", "61–90", "91–120", "120+"], AgingBuckets.All.Select(AgingBuckets.Label));
    }
}
