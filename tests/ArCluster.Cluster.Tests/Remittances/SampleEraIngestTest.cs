using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
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

    [Fact]
    public async Task The_same_file_ingested_by_two_clients_at_once_posts_once()
    {
        var path = Path.Combine(RepositoryPaths.X12Samples, "835", "linuxforhealth-medicare-part-a.835");
        var advice = ((AcceptedRemittance)RemittanceFile.Read(path).Single()).Advice;
        var practice = await EnterClaimsAsync(advice, "twice-at-once");
        await using var first = await ConnectAsync();
        await using var second = await ConnectAsync();

        var reports = await Task.WhenAll(first.Remittances.IngestFileAsync(path), second.Remittances.IngestFileAsync(path));

        var outcomes = reports.Select(r => Assert.Single(r.Transactions).Outcome).Order().ToArray();
        Assert.Equal([RemittanceOutcome.Posted, RemittanceOutcome.AlreadyPosted], outcomes);
        var claim = await first.Claims.GetAsync(practice, "666123");
        Assert.Equal((138018.40m, 2L), (claim.Totals.PayerPayments, claim.Version));
        Assert.Equal(1L, await TestSql.ScalarAsync(cluster.ConnectionString,
            $"SELECT count(*) FROM arcluster_ledger_entry WHERE kind = 'ProviderAdjustment' AND stream_id LIKE 'remittance:{practice}/%'"));
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

    /// <summary>Registers a practice for the file's payee and payer, and opens the claims the file pays.</summary>
    private async Task<string> EnterClaimsAsync(RemittanceAdvice advice, string practiceId)
    {
        var payer = advice.Payer.PayerId ?? advice.Payer.Id ?? advice.OriginatingCompanyId;
        var registration = SamplePractices.Family(practiceId);
        await cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(registration with
        {
            Payers = [.. registration.Payers, new PayerRegistration(payer, advice.Payer.Name, PayerKind.Commercial, 365)],
        });

        // The samples' payees carry made-up NPIs and tax ids that registration would refuse; the
        // directory is told directly which practice they stand for.
        await cluster.Grains.GetGrain<IPracticeDirectoryGrain>("all").Record(
            practiceId, advice.Payee.IdQualifier == "XX" ? advice.Payee.Id : $"none-{practiceId}", advice.Payee.FederalTaxId ?? $"none-{practiceId}");
        await cluster.Grains.GetGrain<IAccountGrain>($"{practiceId}/A1").Open(SampleLedger.Account(practiceId, "A1"), "tester");
        foreach (var claim in advice.Claims)
        {
            var secondary = claim.StatusCode is "2" or "20";
            var lines = claim.Services.IsEmpty
                ? [new NewServiceLine("99213", [], 1, claim.ChargeAmount, advice.PaymentDate, "11", [1], null)]
                : claim.Services.Select((s, i) => new NewServiceLine(
                    s.Procedure.Code, s.Procedure.Modifiers, s.Units, s.ChargeAmount, s.ServiceDate ?? s.ServicePeriodStart ?? advice.PaymentDate, "11", [1], $"L{i + 1}")).ToArray();
            await cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claim.PatientControlNumber}").Open(
                new NewClaim(
                    practiceId,
                    claim.PatientControlNumber,
                    "A1",
                    new CoverageInfo(secondary ? SampleLedger.Commercial : payer, "MEMBER1"),
                    secondary ? new CoverageInfo(payer, "MEMBER2") : null,
                    "1234567893",
                    null,
                    ["R69"],
                    [.. lines]),
                "tester");
            if (secondary)
            {
                // The primary has adjudicated and passed the rest on: the secondary pays what it now owes.
                await cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claim.PatientControlNumber}").Transfer(
                    new TransferBalance("to-secondary", Abstractions.Ledger.Party.Primary, Abstractions.Ledger.Party.Secondary, null, null, advice.PaymentDate, null), "tester");
            }
        }

        return practiceId;
    }

    private Task<ArClusterClient> ConnectAsync() => ArClusterClient.ConnectAsync(new ArClusterClientOptions
    {
        ConnectionString = cluster.ConnectionString,
        ClusterId = cluster.Cluster.Options.ClusterId,
        ServiceId = cluster.Cluster.Options.ServiceId,
        User = "poster.era",
    });
}
