using ArCluster.Abstractions.Remittances;
using ArCluster.Testing;
using ArCluster.X12.Remittance;

namespace ArCluster.Cluster.Tests.Remittances;

/// <summary>Its own cluster: the sample's payee NPI can belong to one practice only.</summary>
public class SampleEraConcurrencyTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task The_same_file_ingested_by_two_clients_at_once_posts_once()
    {
        var path = Path.Combine(RepositoryPaths.X12Samples, "835", "linuxforhealth-medicare-part-a.835");
        var advice = ((AcceptedRemittance)RemittanceFile.Read(path).Single()).Advice;
        var practice = await SampleEra.EnterClaimsAsync(cluster, advice, "twice-at-once");
        await using var first = await SampleEra.ConnectAsync(cluster);
        await using var second = await SampleEra.ConnectAsync(cluster);

        var reports = await Task.WhenAll(first.Remittances.IngestFileAsync(path), second.Remittances.IngestFileAsync(path));

        var outcomes = reports.Select(r => Assert.Single(r.Transactions).Outcome).Order().ToArray();
        Assert.Equal([RemittanceOutcome.Posted, RemittanceOutcome.AlreadyPosted], outcomes);
        var claim = await first.Claims.GetAsync(practice, "666123");
        Assert.Equal((138018.40m, 2L), (claim.Totals.PayerPayments, claim.Version));
        Assert.Equal(1L, await TestSql.ScalarAsync(cluster.ConnectionString,
            $"SELECT count(*) FROM arcluster_ledger_entry WHERE kind = 'ProviderAdjustment' AND stream_id LIKE 'remittance:{practice}/%'"));
    }
}
