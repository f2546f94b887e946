using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Practices;

public class FeeScheduleTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task The_expected_allowed_amount_prefers_a_modifier_rate_and_falls_back_to_the_base_rate()
    {
        var practice = await Registered("fees");
        await practice.SetFeeSchedule(new FeeScheduleRates(SampleLedger.Medicare,
        [
            new FeeRate("99213", null, 92.47m),
            new FeeRate("71046", null, 38.12m),
            new FeeRate("71046", "26", 11.05m),
        ]));

        Assert.Equal(92.47m, await practice.ExpectedAllowed(SampleLedger.Medicare, "99213", ["25"]));
        Assert.Equal(11.05m, await practice.ExpectedAllowed(SampleLedger.Medicare, "71046", ["26"]));
        Assert.Equal(38.12m, await practice.ExpectedAllowed(SampleLedger.Medicare, "71046", []));
        Assert.Null(await practice.ExpectedAllowed(SampleLedger.Medicare, "99214", []));
        Assert.Null(await practice.ExpectedAllowed(SampleLedger.Commercial, "99213", []));
    }

    [Fact]
    public async Task A_schedule_for_an_unknown_payer_or_with_bad_rates_is_refused_whole()
    {
        var practice = await Registered("bad-fees");

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => practice.SetFeeSchedule(new FeeScheduleRates("99999",
        [
            new FeeRate("99213", null, 0m),
            new FeeRate("9921", null, 10m),
            new FeeRate("99214", null, 10.123m),
        ])));

        Assert.Equal(["payerId", "rates[0].allowed", "rates[1].code", "rates[2].allowed"], error.Errors.Select(e => e.Field));
        Assert.Empty((await practice.GetFeeSchedule("99999")).Rates);
    }

    private async Task<IPracticeGrain> Registered(string practiceId)
    {
        var practice = cluster.Grains.GetGrain<IPracticeGrain>(practiceId);
        await practice.Register(SamplePractices.Family(practiceId));
        return practice;
    }
}
