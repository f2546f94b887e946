using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Practices;

public class PracticeGrainTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task A_registered_practice_reads_back_normalized_with_version_one()
    {
        var practice = await Register("reads-back");

        var read = await cluster.Grains.GetGrain<IPracticeGrain>("reads-back").Read();

        Assert.Equal(practice, read with { Payers = practice.Payers });
        Assert.Equal(1, read.Version);
        Assert.Equal("123456789", read.TaxId);
        Assert.Equal(["00431", "SKCA0", "87726"], read.Payers.Select(p => p.PayerId));
        Assert.Equal(90, read.Payers.Single(p => p.PayerId == "87726").TimelyFilingDays);
    }

    [Fact]
    public async Task Registering_the_same_practice_twice_is_harmless()
    {
        var first = await Register("twice");
        var second = await Register("twice");

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.RegisteredAt, second.RegisteredAt);
    }

    [Fact]
    public async Task Registering_different_details_over_an_existing_practice_is_a_conflict()
    {
        await Register("conflicting");
        var grain = cluster.Grains.GetGrain<IPracticeGrain>("conflicting");

        var error = await Assert.ThrowsAsync<ConflictException>(() =>
            grain.Register(SamplePractices.Family("conflicting") with { Name = "Someone Else" }));

        Assert.Contains("update it instead", error.Message, StringComparison.Ordinal);
        Assert.Equal("Riverside Family Medicine", (await grain.Read()).Name);
    }

    [Fact]
    public async Task An_update_bumps_the_version_and_a_stale_update_is_refused()
    {
        await Register("updated");
        var grain = cluster.Grains.GetGrain<IPracticeGrain>("updated");
        var changed = SamplePractices.Family("updated") with
        {
            Payers = [new PayerRegistration("00431", "Medicare Part B", PayerKind.Medicare, 365)],
        };

        var updated = await grain.Update(changed, expectedVersion: 1);
        var stale = await Assert.ThrowsAsync<ConflictException>(() => grain.Update(changed with { Name = "Lost Edit" }, expectedVersion: 1));

        Assert.Equal(2, updated.Version);
        Assert.Single(updated.Payers);
        Assert.Contains("is at version 2, not 1", stale.Message, StringComparison.Ordinal);
        Assert.Equal("Riverside Family Medicine", (await grain.Read()).Name);
    }

    [Fact]
    public async Task Invalid_registrations_list_every_bad_field_and_store_nothing()
    {
        var grain = cluster.Grains.GetGrain<IPracticeGrain>("invalid");
        var bad = SamplePractices.Family("invalid") with
        {
            Npi = "1234567890",
            Payers = [new PayerRegistration("", "No Id", PayerKind.Commercial, 90)],
        };

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => grain.Register(bad));

        Assert.Equal(["npi", "payers[0].payerId"], error.Errors.Select(e => e.Field));
        await Assert.ThrowsAsync<NotFoundException>(() => grain.Read());
    }

    [Fact]
    public async Task A_practice_never_registered_is_not_found()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => cluster.Grains.GetGrain<IPracticeGrain>("never").Read());

        Assert.Equal("Practice 'never' does not exist.", error.Message);
    }

    [Fact]
    public async Task A_body_for_another_practice_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidCommandException>(() =>
            cluster.Grains.GetGrain<IPracticeGrain>("addressed").Register(SamplePractices.Family("other")));

        Assert.Equal("practiceId", Assert.Single(error.Errors).Field);
    }

    private Task<PracticeView> Register(string practiceId) =>
        cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(SamplePractices.Family(practiceId));
}
