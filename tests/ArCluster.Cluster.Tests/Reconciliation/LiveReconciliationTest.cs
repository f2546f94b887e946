using ArCluster.Abstractions.Reconciliation;
using ArCluster.Cluster.Tests.Remittances;
using ArCluster.Testing;
using ArCluster.X12.Remittance;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>A supervisor's figures follow posting live, through the ledger stream, and equal the 835 to the cent.</summary>
public class LiveReconciliationTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task An_835s_money_reaches_the_practices_figures_through_the_stream()
    {
        var path = Path.Combine(RepositoryPaths.X12Samples, "835", "linuxforhealth-medicare-part-a.835");
        var advice = ((AcceptedRemittance)RemittanceFile.Read(path).Single()).Advice;
        Assert.True(advice.TotalActualPayment > 0, "the sample must move money for this test to prove anything");
        var practice = await SampleEra.EnterClaimsAsync(cluster, advice, "recon-live");
        await using var client = await SampleEra.ConnectAsync(cluster);

        await client.Remittances.IngestFileAsync(path);

        // No verify or rebuild first: only the stream can bring these figures in.
        var view = await Eventually.ValueAsync(
            () => client.Reconciliation.GetAsync(practice, advice.PaymentDate, advice.PaymentDate),
            v => v.Totals.RemittanceAdvices == advice.TotalActualPayment && v.Totals.PayerPayments == advice.Claims.Sum(c => c.PaymentAmount));
        var plb = advice.ProviderAdjustments.SelectMany(p => p.Items).Sum(i => i.Amount);
        Assert.Equal(plb, view.Totals.ProviderAdjustments);
        Assert.Equal(0m, view.Totals.PostingVariance);
        Assert.Equal(-advice.TotalActualPayment, view.Totals.DepositVariance);
        Assert.Equal(advice.TotalActualPayment, Assert.Single(view.ByPayer).Value.RemittanceAdvices);

        var verification = await client.Reconciliation.VerifyAsync(practice);
        Assert.True(verification.Clean, string.Join("; ", verification.Mismatches));
        Assert.True(verification.LinesCompared > 0);
    }
}
