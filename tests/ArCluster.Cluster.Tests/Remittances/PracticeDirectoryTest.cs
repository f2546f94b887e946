using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Remittances;

/// <summary>An 835 reaches the practice its payee names, and never another practice's books.</summary>
public class PracticeDirectoryTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    private IPracticeDirectoryGrain Directory => cluster.Grains.GetGrain<IPracticeDirectoryGrain>("all");

    [Fact]
    public async Task A_second_practice_cannot_take_over_another_practices_NPI()
    {
        var first = SamplePractices.Family("dir-first");
        await cluster.Grains.GetGrain<IPracticeGrain>("dir-first").Register(first);

        var error = await Assert.ThrowsAsync<ConflictException>(() =>
            cluster.Grains.GetGrain<IPracticeGrain>("dir-second").Register(SamplePractices.Family("dir-second") with { Npi = first.Npi }));

        Assert.Contains("'dir-first'", error.Message, StringComparison.Ordinal);
        Assert.Equal("dir-first", await Directory.FindPayee(first.Npi, null));
        await Assert.ThrowsAsync<NotFoundException>(() => cluster.Grains.GetGrain<IPracticeGrain>("dir-second").Read());
    }

    [Fact]
    public async Task A_changed_NPI_routes_to_the_practice_and_the_old_one_no_longer_does()
    {
        var before = SamplePractices.Family("dir-moved");
        var practice = cluster.Grains.GetGrain<IPracticeGrain>("dir-moved");
        await practice.Register(before);
        var newNpi = SamplePractices.NpiFor("dir-moved-new");

        await practice.Update(before with { Npi = newNpi }, expectedVersion: 1);

        Assert.Equal("dir-moved", await Directory.FindPayee(newNpi, null));
        Assert.Null(await Directory.FindPayee(before.Npi, null));
    }

    [Fact]
    public async Task A_tax_id_shared_by_two_practices_routes_nothing_without_an_NPI()
    {
        await cluster.Grains.GetGrain<IPracticeGrain>("dir-tin-a").Register(SamplePractices.Family("dir-tin-a") with { TaxId = "98-7654321" });
        await cluster.Grains.GetGrain<IPracticeGrain>("dir-tin-b").Register(SamplePractices.Family("dir-tin-b") with { TaxId = "98-7654321" });

        Assert.Null(await Directory.FindPayee(null, "987654321"));
        Assert.Equal("dir-tin-b", await Directory.FindPayee(SamplePractices.NpiFor("dir-tin-b"), "987654321"));
    }
}
