using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Cluster.Tests.Remittances;
using Npgsql;
using static ArCluster.Cluster.Tests.Remittances.RemittanceScenario;

namespace ArCluster.Cluster.Tests.FollowUp;

/// <summary>What a remittance leaves for billers: money it could not apply, and lines paid below the fee schedule.</summary>
public class RemittanceWorklistTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task Unapplied_money_and_underpayments_are_listed_and_the_unapplied_item_clears_once_its_claim_posts()
    {
        var era = new RemittanceScenario(cluster, "remit-lists");
        await era.SetUpAsync();
        await cluster.Grains.GetGrain<IPracticeGrain>("remit-lists").SetFeeSchedule(
            new FeeScheduleRates(Payer, [new FeeRate("99211", null, 520.00m)]));
        var remittance = ManagedCare() with
        {
            Claims =
            [
                ManagedCare().Claims[0] with { Services = [.. ManagedCare().Claims[0].Services.Select(s => s with { Allowed = s.Paid })] },
                ManagedCare().Claims[1] with { PatientControlNumber = "LATE-1" },
            ],
        };

        await era.PostAsync(remittance);
        await era.PostAsync(remittance, "again.835");

        Assert.Equal(
            [
                ("5554555444/underpaid/1935665544/7170066655/99211", "Underpayment", "5554555444", 20.00m, "open"),
                ("remittance/1935665544/7170066655/unapplied/2", "UnappliedPayment", "LATE-1", 495.00m, "open"),
            ],
            await ItemsAsync());

        await era.OpenAsync("LATE-1", "93555", 1200.00m, new DateOnly(2002, 3, 10));
        await cluster.Grains.GetGrain<IRemittanceGrain>($"remit-lists/{Payer}/7170066655").PostUnapplied(User);

        Assert.Equal("cleared", (await ItemsAsync()).Single(i => i.Kind == "UnappliedPayment").State);
        Assert.Equal("open", (await ItemsAsync()).Single(i => i.Kind == "Underpayment").State);
    }

    private async Task<List<(string Key, string Kind, string Claim, decimal Amount, string State)>> ItemsAsync()
    {
        var items = new List<(string, string, string, decimal, string)>();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT item_key, kind, claim_id, amount, state FROM arcluster_worklist_item WHERE practice_id = 'remit-lists' AND scope LIKE 'remittance:%' ORDER BY item_key", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetString(4)));
        }

        return items;
    }
}
