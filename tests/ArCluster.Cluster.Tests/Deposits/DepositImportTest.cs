using ArCluster.Abstractions.Deposits;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Cluster.Tests.Remittances;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Deposits;

/// <summary>Bank deposits into the ledger through the client library: routed to the right practice, each once, matched with 835s by trace.</summary>
public class DepositImportTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    private static readonly DateOnly Day = new(2026, 11, 3);

    [Fact]
    public async Task A_csv_of_deposits_is_recorded_once_and_routed_by_practice_or_account()
    {
        await RegisterAsync("dep-north", "111122223333");
        await RegisterAsync("dep-south", "444455556666");
        await using var client = await SampleEra.ConnectAsync(cluster);
        var csv = await WriteAsync("""
            date,amount,method,reference,practice,account
            2026-11-03,1200.00,ACH,TRACE-N1,dep-north,
            2026-11-03,310.25,CHECK,000881,,444455556666
            2026-11-03,99.00,ACH,TRACE-X1,,999988887777
            2026-11-03,50.00,ACH,TRACE-N2,dep-south,111122223333
            2026-11-03,75.00,ACH,TRACE-Q1,no-such-practice,
            """);

        var first = await client.Deposits.ImportFileAsync(csv);
        var again = await client.Deposits.ImportFileAsync(csv);

        Assert.Equal(
            [DepositOutcome.Recorded, DepositOutcome.Recorded, DepositOutcome.Rejected, DepositOutcome.Rejected, DepositOutcome.Rejected],
            first.Deposits.Select(d => d.Outcome));
        Assert.Equal(["dep-north", "dep-south", null, "dep-south", "no-such-practice"], first.Deposits.Select(d => d.PracticeId));
        Assert.Contains("no practice receives its deposits in bank account ••••7777", first.Deposits[2].Reasons[0], StringComparison.Ordinal);
        Assert.Contains("receives the deposits of practice 'dep-north', not 'dep-south'", first.Deposits[3].Reasons[0], StringComparison.Ordinal);
        Assert.Contains("'no-such-practice' is not registered", first.Deposits[4].Reasons[0], StringComparison.Ordinal);
        Assert.True(first.NeedsAttention);
        Assert.Equal(1510.25m, first.Recorded);
        Assert.Equal([DepositOutcome.AlreadyRecorded, DepositOutcome.AlreadyRecorded], again.Deposits.Take(2).Select(d => d.Outcome));
        Assert.Equal(2L, await TestSql.ScalarAsync(cluster.ConnectionString, "SELECT count(*) FROM arcluster_ledger_entry WHERE kind = 'Deposit' AND practice_id IN ('dep-north', 'dep-south')"));

        var north = await Eventually.ValueAsync(() => client.Reconciliation.GetAsync("dep-north", Day, Day), v => v.Totals.Deposits == 1200.00m);
        var south = await Eventually.ValueAsync(() => client.Reconciliation.GetAsync("dep-south", Day, Day), v => v.Totals.Deposits == 310.25m);
        Assert.Equal(1200.00m, north.Totals.DepositVariance);
        Assert.Equal(310.25m, south.Totals.DepositVariance);
        var company = await client.Reconciliation.GetCompanyAsync(Day, Day);
        Assert.Contains("dep-north", company.Practices);
        Assert.Contains("dep-south", company.Practices);
        var each = await Task.WhenAll(company.Practices.Select(p => client.Reconciliation.GetAsync(p, Day, Day)));
        Assert.Equal(each.Sum(v => v.Totals.Deposits), company.Totals.Deposits);
    }

    [Fact]
    public async Task A_file_that_fails_its_checks_records_nothing()
    {
        await RegisterAsync("dep-bad", "777700001111");
        await using var client = await SampleEra.ConnectAsync(cluster);
        var csv = await WriteAsync("""
            date,amount,method,reference,practice
            2026-11-03,10.00,ACH,GOOD-1,dep-bad
            2026-13-03,10.005,ACH,,dep-bad
            """);

        var report = await client.Deposits.ImportFileAsync(csv);

        Assert.True(report.Rejected);
        Assert.Empty(report.Deposits);
        Assert.Contains(report.FileErrors, e => e.Contains("line 3", StringComparison.Ordinal));
        Assert.Equal(0L, await TestSql.ScalarAsync(cluster.ConnectionString, "SELECT count(*) FROM arcluster_ledger_entry WHERE practice_id = 'dep-bad'"));
    }

    [Fact]
    public async Task Reassociation_lists_money_without_835s_and_mismatched_amounts()
    {
        await RegisterAsync("dep-match", "555500002222");
        await using var client = await SampleEra.ConnectAsync(cluster);
        var receipts = await client.Deposits.RecordAsync(
        [
            Deposit("dep-match", 500.00m, "EFT-0001"),
            Deposit("dep-match", 42.00m, "0007788"),
        ]);
        Assert.All(receipts, r => Assert.Equal(DepositOutcome.Recorded, r.Outcome));

        var view = await Eventually.ValueAsync(() => client.Reconciliation.ReassociationAsync("dep-match", unmatchedOnly: false), v => v.Items.Length == 2);

        Assert.Equal(2, view.DepositsWithoutRemittance);
        Assert.Equal(["7788", "EFT-0001"], view.Items.Select(i => i.Reference));
        Assert.All(view.Items, i => Assert.Equal(ReassociationState.DepositWithoutRemittance, i.State));
        Assert.Equal(Day, view.Items[0].DepositDate);
    }

    private static DepositSubmission Deposit(string practice, decimal amount, string reference) =>
        new(practice, null, Day, amount, "Ach", reference, null, null, "keyed", 1);

    private async Task RegisterAsync(string practiceId, string account)
    {
        var registration = SamplePractices.Family(practiceId);
        await cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(registration with { DepositAccounts = [account] });
    }

    private static async Task<string> WriteAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"deposits-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        return path;
    }
}
