using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Aging;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Cluster.Tests.Reconciliation;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Aging;

/// <summary>
/// A supervisor's AR aging follows posting live and equals the journal to the cent: per bucket, per
/// payer and for the patients, with paid claims gone, balances moving to the next bucket on the
/// right day, and the practice's aging basis respected.
/// </summary>
public class AgingTest(AgingCluster cluster) : IClassFixture<AgingCluster>
{
    private const int Claims = 24;
    private const int Paid = 16;

    [Fact]
    public async Task Aging_equals_an_independent_sum_of_the_journal_per_bucket_and_payer_and_paid_claims_leave_it()
    {
        const string practiceId = "aging-journal";
        await using var client = await ConnectAsync();
        await PostWorkloadAsync(client, practiceId, AgingBasis.DateOfService);
        // Two patients pay their share in full, one of them 10.00 more than owed: both claims leave AR
        // and the 10.00 stays on the account (whose other claims owe the patient nothing) as
        // unapplied credit, part of total AR.
        await PayPatientShareAsync(client, practiceId, 1, extra: 0m);
        await PayPatientShareAsync(client, practiceId, 15, extra: 10.00m);

        var journal = await JournalAging.ReadAsync(cluster.ConnectionString, practiceId);
        var view = await Eventually.ValueAsync(() => client.Aging.GetAsync(practiceId, new DateOnly(2026, 11, 15)), v => v.TotalAr == journal.TotalAr);

        Assert.Equal(Claims - 2, journal.Claims.Count);
        Assert.Equal(journal.Claims.Count, view.OpenClaims);
        Assert.Equal(-10.00m, view.UnappliedPatientCredit);
        Assert.Equal(view.TotalAr, view.BucketTotals.Sum() + view.UnappliedPatientCredit);
        foreach (var asOf in new[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 20), new DateOnly(2027, 6, 1) })
        {
            var aged = await client.Aging.GetAsync(practiceId, asOf);
            var payer = Assert.Single(aged.Payers);
            Assert.Equal(SampleLedger.Commercial, payer.PayerId);
            Assert.Equal(journal.InsuranceBuckets(asOf), payer.Buckets);
            Assert.Equal(journal.PatientBuckets(asOf), aged.Patient.Buckets);
            Assert.Equal(journal.TotalAr, aged.TotalAr);
        }

        var verification = await client.Aging.VerifyAsync(practiceId);
        Assert.True(verification.Clean, string.Join("; ", verification.Mismatches));
        Assert.Equal(Claims - 2, verification.ClaimsCompared);
        Assert.Equal(1, verification.AccountsCompared);
        Assert.Equal(0L, await TestSql.ScalarAsync(cluster.ConnectionString,
            $"SELECT count(*) FROM arcluster_ar_open_claim WHERE practice_id = '{practiceId}' AND claim_id IN ('{EraWorkload.ClaimId(1)}', '{EraWorkload.ClaimId(15)}')"));
    }

    [Fact]
    public async Task A_rebuild_from_the_journal_gives_the_same_aging_and_verifies_clean()
    {
        const string practiceId = "aging-rebuild";
        await using var client = await ConnectAsync();
        await PostWorkloadAsync(client, practiceId, AgingBasis.DateOfService);
        var asOf = new DateOnly(2026, 12, 1);
        var journal = await JournalAging.ReadAsync(cluster.ConnectionString, practiceId);
        var live = await Eventually.ValueAsync(() => client.Aging.GetAsync(practiceId, asOf), v => v.TotalAr == journal.TotalAr && v.OpenClaims == Claims);

        var report = await client.Aging.RebuildAsync(practiceId);
        var rebuilt = await client.Aging.GetAsync(practiceId, asOf);

        Assert.True(report.Clean, string.Join("; ", report.Mismatches));
        Assert.Equal(Same(live), Same(rebuilt));
    }

    [Fact]
    public async Task As_billing_days_pass_balances_move_to_the_next_bucket_on_the_31st_61st_91st_and_121st_day()
    {
        const string practiceId = "aging-clock";
        await using var client = await ConnectAsync();
        await PostWorkloadAsync(client, practiceId, AgingBasis.DateOfService);
        var journal = await JournalAging.ReadAsync(cluster.ConnectionString, practiceId);
        await Eventually.ValueAsync(() => client.Aging.GetAsync(practiceId, null), v => v.TotalAr == journal.TotalAr);

        var crossings = 0;
        var before = Array.Empty<decimal>();
        for (var day = 0; day <= 200; day++)
        {
            var today = DateOnly.FromDateTime(AgingCluster.BillingTime.GetUtcNow().UtcDateTime);
            var view = await client.Aging.GetAsync(practiceId, null);

            Assert.Equal(today, view.AsOf);
            Assert.Equal(journal.InsuranceBuckets(today), Assert.Single(view.Payers).Buckets);
            Assert.Equal(journal.PatientBuckets(today), view.Patient.Buckets);
            Assert.Equal(journal.TotalAr, view.TotalAr);
            crossings += before.Length > 0 && !before.SequenceEqual(view.BucketTotals) ? 1 : 0;
            before = [.. view.BucketTotals];
            AgingCluster.BillingTime.Advance(TimeSpan.FromDays(1));
        }

        // Service dates spread over 28 days: every boundary is crossed on several days.
        Assert.True(crossings >= 4 * 20, $"only {crossings} days moved money between buckets");
        Assert.Equal(journal.TotalAr, (await client.Aging.GetAsync(practiceId, null)).BucketTotals[4]);
    }

    [Fact]
    public async Task A_practice_aging_from_submission_ages_claims_from_the_day_they_were_billed()
    {
        const string practiceId = "aging-billed";
        await using var client = await ConnectAsync();
        var billedOn = DateOnly.FromDateTime(AgingCluster.BillingTime.GetUtcNow().UtcDateTime);
        await PostWorkloadAsync(client, practiceId, AgingBasis.Submission);
        var journal = await JournalAging.ReadAsync(cluster.ConnectionString, practiceId);
        await Eventually.ValueAsync(() => client.Aging.GetAsync(practiceId, billedOn), v => v.TotalAr == journal.TotalAr);

        var lastDayCurrent = await client.Aging.GetAsync(practiceId, billedOn.AddDays(30));
        var firstDayNext = await client.Aging.GetAsync(practiceId, billedOn.AddDays(31));

        Assert.Equal(AgingBasis.Submission, lastDayCurrent.Basis);
        Assert.Equal(new[] { journal.TotalAr, 0m, 0m, 0m, 0m }, lastDayCurrent.BucketTotals.ToArray());
        Assert.Equal(new[] { 0m, journal.TotalAr, 0m, 0m, 0m }, firstDayNext.BucketTotals.ToArray());
        Assert.Equal(0L, await TestSql.ScalarAsync(cluster.ConnectionString,
            $"SELECT count(*) FROM arcluster_ar_open_claim WHERE practice_id = '{practiceId}' AND billed_on <> '{billedOn:yyyy-MM-dd}'"));
    }

    [Fact]
    public async Task The_company_aging_has_a_row_per_practice_and_adds_them_up()
    {
        await using var client = await ConnectAsync();
        await PostWorkloadAsync(client, "aging-co-a", AgingBasis.DateOfService);
        await PostWorkloadAsync(client, "aging-co-b", AgingBasis.DateOfService);
        var asOf = new DateOnly(2026, 11, 20);
        var a = (await JournalAging.ReadAsync(cluster.ConnectionString, "aging-co-a")).TotalAr;
        var b = (await JournalAging.ReadAsync(cluster.ConnectionString, "aging-co-b")).TotalAr;
        await Eventually.ValueAsync(() => client.Aging.GetAsync("aging-co-b", asOf), v => v.TotalAr == b);
        await Eventually.ValueAsync(() => client.Aging.GetAsync("aging-co-a", asOf), v => v.TotalAr == a);

        var company = await client.Aging.GetCompanyAsync(asOf);

        Assert.Equal("company", company.Scope);
        Assert.Equal(a, company.Practices.Single(p => p.PracticeId == "aging-co-a").TotalAr);
        Assert.Equal(b, company.Practices.Single(p => p.PracticeId == "aging-co-b").TotalAr);
        Assert.Equal(company.Practices.Sum(p => p.TotalAr), company.TotalAr);
        Assert.Equal(company.TotalAr, company.BucketTotals.Sum() + company.UnappliedPatientCredit);
        Assert.NotNull(company.Kpis.DaysInAr);
        Assert.NotNull(company.Kpis.NetCollectionRate);
    }

    [Fact]
    public async Task An_unknown_practice_is_not_found_rather_than_an_empty_aging()
    {
        await using var client = await ConnectAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => client.Aging.GetAsync("no-such-practice"));
    }

    /// <summary>Registers the practice, enters the workload's claims, and posts the 835 paying the first <see cref="Paid"/> of them.</summary>
    private static async Task<EraWorkload> PostWorkloadAsync(ArClusterClient client, string practiceId, AgingBasis basis)
    {
        var workload = new EraWorkload(practiceId, SampleLedger.Commercial, Claims, 8);
        await client.Practices.RegisterAsync(SamplePractices.Family(practiceId) with { AgingBasis = basis });
        foreach (var account in Enumerable.Range(0, Claims).Select(EraWorkload.AccountId).Distinct(StringComparer.Ordinal))
        {
            await client.Accounts.OpenAsync(SampleLedger.Account(practiceId, account));
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, Claims), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) => await client.Claims.CreateAsync(workload.Claim(n)));
        var path = await WorkloadEntry.WriteEraAsync(workload, $"AG{Math.Abs(practiceId.GetHashCode(StringComparison.Ordinal)) % 100000}", 0, Paid);
        try
        {
            var report = await client.Remittances.IngestFileAsync(path, practiceId);
            Assert.All(report.Transactions, t => Assert.Equal(RemittanceOutcome.Posted, t.Outcome));
        }
        finally
        {
            File.Delete(path);
        }

        return workload;
    }

    private static async Task PayPatientShareAsync(ArClusterClient client, string practiceId, int claim, decimal extra)
    {
        var owed = (await client.Claims.GetAsync(practiceId, EraWorkload.ClaimId(claim))).Balance.Patient;
        Assert.True(owed > 0m, "the 835 left no patient share to pay");
        await client.Accounts.PostPaymentAsync(practiceId, EraWorkload.AccountId(claim),
            new ReceivePatientPayment($"PP-{claim}", owed + extra, new DateOnly(2026, 11, 10), PatientPaymentMethod.Check, $"10{claim}", EraWorkload.ClaimId(claim), null));
    }

    private static object Same(AgingView view) => new
    {
        view.TotalAr,
        Buckets = string.Join(" ", view.BucketTotals),
        Payers = string.Join(" | ", view.Payers.Select(p => $"{p.PayerId} {string.Join(" ", p.Buckets)} {p.Claims}")),
        Patient = string.Join(" ", view.Patient.Buckets),
        view.OpenClaims,
        view.UnappliedPatientCredit,
    };

    private Task<ArClusterClient> ConnectAsync() => ArClusterClient.ConnectAsync(new ArClusterClientOptions
    {
        ConnectionString = cluster.ConnectionString,
        ClusterId = cluster.Cluster.Options.ClusterId,
        ServiceId = cluster.Cluster.Options.ServiceId,
        User = "supervisor.aging",
    });
}
