using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Testing;
using ArCluster.X12.Remittance;

namespace ArCluster.Cluster.Tests.Remittances;

/// <summary>
/// The public 835 samples, read and posted through the client library exactly as <c>arctl era
/// ingest</c> does, against claims entered as the practice billed them.
/// </summary>
public class SampleEraIngestTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    /// <summary>The samples that are well formed and balance (see tests/TestData/x12-samples/README.md for the defective ones).</summary>
    public static TheoryData<string> Balanced => new()
    {
        "azoner-835_mult_loops.txt",
        "linuxforhealth-medicare-part-a.835",
    };

    [Theory]
    [MemberData(nameof(Balanced))]
    public async Task Every_balanced_sample_posts_to_the_cent(string sample)
    {
        var path = Path.Combine(RepositoryPaths.X12Samples, "835", sample);
        var advice = RemittanceFile.Read(path).Single() switch
        {
            AcceptedRemittance accepted => accepted.Advice,
            RejectedRemittance rejected => throw new InvalidDataException($"{sample} was rejected: {rejected.Describe()}"),
            var other => throw new InvalidDataException($"{sample}: unexpected {other}"),
        };
        var practice = await EnterClaimsAsync(advice, $"s{Math.Abs(sample.GetHashCode(StringComparison.Ordinal)) % 100000}");
        await using var client = await ConnectAsync();

        var report = Assert.Single((await client.Remittances.IngestFileAsync(path)).Transactions);
        var again = Assert.Single((await client.Remittances.IngestFileAsync(path)).Transactions);

        Assert.Equal(RemittanceOutcome.Posted, report.Outcome);
        Assert.Equal(practice, report.PracticeId);
        Assert.Equal((advice.Claims.Length, advice.Claims.Sum(c => c.PaymentAmount)), (report.ClaimsPosted, report.Paid));
        Assert.Equal(advice.TotalActualPayment, report.Paid - advice.ProviderAdjustments.SelectMany(p => p.Items).Sum(i => i.Amount));
        foreach (var claim in advice.Claims)
        {
            var view = await client.Claims.GetAsync(practice, claim.PatientControlNumber);
            var notPatient = claim.Adjustments.Concat(claim.Services.SelectMany(s => s.Adjustments)).Where(a => a.Group != "PR").Sum(a => a.Amount);
            var patient = claim.Adjustments.Concat(claim.Services.SelectMany(s => s.Adjustments)).Where(a => a.Group == "PR").Sum(a => a.Amount);
            Assert.Equal((claim.PaymentAmount, notPatient), (view.Totals.PayerPayments, view.Totals.Adjustments));
            Assert.Equal(patient, view.Balance.Patient);
            Assert.Equal(claim.ChargeAmount - claim.PaymentAmount - notPatient - patient, view.Balance.Primary + view.Balance.Secondary);
        }

        Assert.Equal(RemittanceOutcome.AlreadyPosted, again.Outcome);
    }

    [Theory]
    [InlineData("linuxforhealth-secondary-payment.835", "SVC")]
    [InlineData("linuxforhealth-tertiary-payment.835", "SVC")]
    [InlineData("linuxforhealth-managed-care.835", "BPR")]
    [InlineData("linuxforhealth-cob-contractural-adjustment.835", "BPR")]
    public async Task A_malformed_sample_is_rejected_naming_the_segment_and_posts_nothing(string sample, string segment)
    {
        await using var client = await ConnectAsync();

        var file = await client.Remittances.IngestFileAsync(Path.Combine(RepositoryPaths.X12Samples, "835", sample));

        var report = Assert.Single(file.Transactions);
        Assert.True(file.NeedsAttention);
        Assert.Equal(RemittanceOutcome.Rejected, report.Outcome);
        Assert.Contains(report.Reasons, r => r.Contains($"({segment})", StringComparison.Ordinal) || r.Contains($" {segment}", StringComparison.Ordinal));
        Assert.Equal(0L, await TestSql.ScalarAsync(cluster.ConnectionString,
            $"SELECT count(*) FROM arcluster_ledger_posting WHERE posting_id LIKE 'era:%:{report.TraceNumber}:%'"));
    }

    private Task<string> EnterClaimsAsync(RemittanceAdvice advice, string practiceId) => SampleEra.EnterClaimsAsync(cluster, advice, practiceId);

    private Task<ArClusterClient> ConnectAsync() => SampleEra.ConnectAsync(cluster);
}
