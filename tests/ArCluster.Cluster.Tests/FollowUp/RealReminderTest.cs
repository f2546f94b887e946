using ArCluster.Cluster.Tests.Ledger;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Cluster.Tests.FollowUp;

/// <summary>The reminder Orleans keeps in PostgreSQL is what wakes a claim: nobody calls the claim here.</summary>
public class RealReminderTest(ShortSleepCluster cluster) : IClassFixture<ShortSleepCluster>
{
    [Fact]
    public async Task A_claim_whose_aging_boundary_passes_is_raised_by_its_own_reminder_and_leaves_when_paid()
    {
        var ledger = new LedgerFixture(cluster, "reminded");
        await ledger.RegisterPracticeAsync();
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("R1", "A1", cluster.Today.AddDays(-25));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM orleans_reminder WHERE reminder_name = 'follow-up' AND grain_id LIKE '%reminded/R1'"));
        Assert.Equal(0, await StateCountAsync("open"));

        cluster.Clock.Advance(TimeSpan.FromDays(7));

        var raised = await Eventually.ValueAsync(() => StateCountAsync("open"), open => open == 1);
        Assert.Equal(1, raised);
        Assert.Equal("R1/aging/31", await KeyAsync());

        await ledger.Claim("R1").PostPayerPayment(LedgerFixture.PrimaryPaysLineOne("ERA-1") with { PaymentDate = cluster.Today }, LedgerFixture.User);
        await ledger.Claim("R1").WriteOff(new Abstractions.Claims.WriteOffBalance("WO-1", Abstractions.Ledger.Party.Primary, "CO", "45", null, cluster.Today, null), LedgerFixture.User);
        await ledger.Claim("R1").WriteOff(new Abstractions.Claims.WriteOffBalance("WO-2", Abstractions.Ledger.Party.Patient, "CO", "45", null, cluster.Today, null), LedgerFixture.User);

        Assert.Equal(1, await StateCountAsync("cleared"));
        var dropped = await Eventually.ValueAsync(
            () => ScalarAsync("SELECT count(*) FROM orleans_reminder WHERE reminder_name = 'follow-up' AND grain_id LIKE '%reminded/R1'"), rows => rows == 0);
        Assert.Equal(0, dropped);
    }

    private async Task<long> StateCountAsync(string state) =>
        await ScalarAsync($"SELECT count(*) FROM arcluster_worklist_item WHERE practice_id = 'reminded' AND state = '{state}'");

    private async Task<string> KeyAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT item_key FROM arcluster_worklist_item WHERE practice_id = 'reminded'", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
