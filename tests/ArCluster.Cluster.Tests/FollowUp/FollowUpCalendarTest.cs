using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Cluster.Tests.Ledger;
using ArCluster.Persistence.FollowUp;
using ArCluster.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace ArCluster.Cluster.Tests.FollowUp;

/// <summary>
/// Six claims with different fates, driven through 200 days of business time. Each day the test
/// fires the reminders that are due, as the reminder service would, and a silo is killed half way.
/// Every event must be raised once, on its own day; the lists must end as a biller expects; paid
/// claims must leave them; and every amount must agree with the ledger.
/// </summary>
public class FollowUpCalendarTest(BusinessTimeCluster cluster, ITestOutputHelper output) : IClassFixture<BusinessTimeCluster>
{
    private const string Practice = "calendar";
    private static readonly DateOnly ServiceDate = new(2026, 1, 2);
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(BusinessTimeCluster.Start.UtcDateTime);

    private LedgerFixture Ledger => new(cluster, Practice);

    private static DateOnly Day(int n) => Day0.AddDays(n);

    /// <summary>Every item the lists should ever have held, with the day it is raised and its final state.</summary>
    private static readonly Dictionary<string, (DateOnly Raised, string State)> Expected = new()
    {
        // Never answered by a commercial payer with a 90-day limit.
        ["SILENT/aging/31"] = (ServiceDate.AddDays(31), "superseded"),
        ["SILENT/noresponse/primary/2026-01-05"] = (Day(30), "superseded"),
        ["SILENT/timely/primary/warn"] = (ServiceDate.AddDays(60), "superseded"),
        ["SILENT/aging/61"] = (ServiceDate.AddDays(61), "superseded"),
        ["SILENT/aging/91"] = (ServiceDate.AddDays(91), "superseded"),
        ["SILENT/timely/primary/missed"] = (ServiceDate.AddDays(91), "open"),
        ["SILENT/aging/121"] = (ServiceDate.AddDays(121), "open"),

        // Denied by Medicare on day 20 and never worked: the 120-day appeal window runs out.
        ["DENIED/denial/2026-01-25"] = (Day(20), "superseded"),
        ["DENIED/denial/2026-01-25/appeal-due"] = (Day(20).AddDays(120 - 14), "superseded"),
        ["DENIED/denial/2026-01-25/appeal-missed"] = (Day(20).AddDays(121), "open"),

        // Denied on day 20, appealed on day 40, and the payer has not answered the appeal.
        ["APPEALED/denial/2026-01-25"] = (Day(20), "cleared"),
        ["APPEALED/noresponse/primary/2026-02-14"] = (Day(40).AddDays(30), "open"),

        // One line paid on day 15, the rest on day 100.
        ["PARTIAL/aging/31"] = (ServiceDate.AddDays(31), "superseded"),
        ["PARTIAL/aging/61"] = (ServiceDate.AddDays(61), "superseded"),
        ["PARTIAL/aging/91"] = (ServiceDate.AddDays(91), "cleared"),

        // Medicare paid on day 12 and crossed the coinsurance over to Medi-Cal, which never paid.
        ["CROSSOVER/aging/31"] = (ServiceDate.AddDays(31), "superseded"),
        ["CROSSOVER/noresponse/secondary/2026-01-17"] = (Day(12).AddDays(30), "superseded"),
        ["CROSSOVER/aging/61"] = (ServiceDate.AddDays(61), "superseded"),
        ["CROSSOVER/aging/91"] = (ServiceDate.AddDays(91), "superseded"),
        ["CROSSOVER/aging/121"] = (ServiceDate.AddDays(121), "open"),
    };

    [Fact]
    public async Task Over_200_days_every_event_is_raised_once_on_its_day_and_the_lists_end_as_the_ledger_says()
    {
        await Ledger.RegisterPracticeAsync();
        await Ledger.OpenAccountAsync("A1");
        await Ledger.OpenClaimAsync("PAID", "A1", ServiceDate);
        await Ledger.OpenClaimAsync("SILENT", "A1", ServiceDate);
        await Ledger.OpenClaimAsync("DENIED", "A1", ServiceDate, SampleLedger.Medicare);
        await Ledger.OpenClaimAsync("APPEALED", "A1", ServiceDate, SampleLedger.Medicare);
        await Ledger.OpenClaimAsync("PARTIAL", "A1", ServiceDate);
        await Ledger.OpenClaimAsync("CROSSOVER", "A1", ServiceDate, SampleLedger.Medicare, SampleLedger.Medicaid);
        var alarms = new FollowUpAlarmStore(NpgsqlDataSource.Create(cluster.ConnectionString));
        var ticks = 0;

        for (var day = 0; day <= 200; day++)
        {
            if (day > 0)
            {
                cluster.Clock.Advance(TimeSpan.FromDays(1));
            }

            await PostTheDaysPaymentsAsync(day);
            if (day == 100)
            {
                var victim = cluster.Cluster.Silos[^1];
                output.WriteLine($"Day 100: killing silo {victim.SiloAddress}");
                await cluster.Cluster.KillSiloAsync(victim);
                await cluster.Cluster.StartAdditionalSiloAsync();
            }

            // The reminder service's part: wake every claim whose reminder is due. Twice, as a
            // repeated tick would, which must change nothing.
            foreach (var (practice, claim) in await alarms.DueByAsync(cluster.Today))
            {
                Assert.Equal(Practice, practice);
                await Ledger.Claim(claim).CheckFollowUp();
                await Ledger.Claim(claim).CheckFollowUp();
                ticks++;
            }
        }

        output.WriteLine($"{ticks} reminder firings over 200 days for 6 claims");
        var items = await ItemsAsync();
        Assert.Equal(
            Expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} raised {e.Value.Raised:yyyy-MM-dd}, {e.Value.State}"),
            items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key} raised {i.Raised:yyyy-MM-dd}, {i.State}"));

        // Open items carry what the ledger says is owed (a denial: what the payer refused).
        var balances = await LedgerBalancesAsync();
        foreach (var item in items.Where(i => i.State == "open" && !i.Key.Contains("/denial/", StringComparison.Ordinal) && !i.Key.StartsWith("APPEALED", StringComparison.Ordinal)))
        {
            Assert.Equal(balances[(item.Claim, item.Key.Contains("secondary", StringComparison.Ordinal) || item.Claim == "CROSSOVER" ? "Secondary" : "Primary")], item.Amount);
        }

        // A claim keeps a reminder only while an event is still to come: the paid ones and those whose
        // last event has fired have none; the crossover waits for Medi-Cal's filing warning in December.
        var reminders = await RemindersAsync();
        Assert.Equal(["CROSSOVER"], reminders.Keys.Order(StringComparer.Ordinal));
        Assert.All(reminders.Values, count => Assert.Equal(1, count));
        Assert.Equal(reminders.Keys.Order(StringComparer.Ordinal), (await alarms.DueByAsync(DateOnly.MaxValue)).Select(a => a.ClaimId).Order(StringComparer.Ordinal));
        Assert.All(balances.Where(b => b.Key.Claim is "PAID" or "PARTIAL"), b => Assert.Equal(0m, b.Value));
    }

    private async Task PostTheDaysPaymentsAsync(int day)
    {
        var today = cluster.Today;
        switch (day)
        {
            case 10:
                await Ledger.Claim("PAID").PostPayerPayment(Payment("PAY-1", Party.Primary, today, Line(1, 100m, Co45(20m)), Line(2, 30m), Line(3, 20m)), LedgerFixture.User);
                break;
            case 12:
                await Ledger.Claim("CROSSOVER").PostPayerPayment(
                    Payment("MCR-1", Party.Primary, today, Line(1, 80m, Co45(20m), Pr2(20m)), Line(2, 24m, Pr2(6m)), Line(3, 16m, Pr2(4m))), LedgerFixture.User);
                break;
            case 15:
                await Ledger.Claim("PARTIAL").PostPayerPayment(Payment("PART-1", Party.Primary, today, Line(1, 100m, Co45(20m))), LedgerFixture.User);
                break;
            case 20:
                await Ledger.Claim("DENIED").PostPayerPayment(Denial("DENY-1", today), LedgerFixture.User);
                await Ledger.Claim("APPEALED").PostPayerPayment(Denial("DENY-2", today), LedgerFixture.User);
                break;
            case 40:
                await Ledger.Claim("APPEALED").ChangeStatus(new ChangeClaimStatus("APPEAL-1", "Appealed", "redetermination sent"), LedgerFixture.User);
                break;
            case 100:
                await Ledger.Claim("PARTIAL").PostPayerPayment(Payment("PART-2", Party.Primary, today, Line(2, 30m), Line(3, 20m)), LedgerFixture.User);
                break;
        }
    }

    private static PostPayerPayment Payment(string id, Party payer, DateOnly on, params LinePaid[] lines) => new(id, payer, on, [.. lines], [], "PCN-" + id, null);

    private static PostPayerPayment Denial(string id, DateOnly on) =>
        Payment(id, Party.Primary, on, Line(1, 0m, new CasAdjustment("CO", "50", 120m)), Line(2, 0m, new CasAdjustment("CO", "50", 30m)), Line(3, 0m, new CasAdjustment("CO", "50", 20m)));

    private static LinePaid Line(int line, decimal paid, params CasAdjustment[] adjustments) => new(line, paid, [.. adjustments]);

    private static CasAdjustment Co45(decimal amount) => new("CO", "45", amount);

    private static CasAdjustment Pr2(decimal amount) => new("PR", "2", amount);

    private async Task<List<(string Key, string Claim, DateOnly Raised, string State, decimal Amount)>> ItemsAsync()
    {
        var items = new List<(string, string, DateOnly, string, decimal)>();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT item_key, claim_id, raised_at, state, amount FROM arcluster_worklist_item WHERE practice_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Practice });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add((reader.GetString(0), reader.GetString(1), DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(2).UtcDateTime), reader.GetString(3), reader.GetDecimal(4)));
        }

        return items;
    }

    /// <summary>Each claim's balance per party, summed from the journal's entries with SQL alone.</summary>
    private async Task<Dictionary<(string Claim, string Party), decimal>> LedgerBalancesAsync()
    {
        var balances = new Dictionary<(string, string), decimal>();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH signed AS (
                SELECT claim_id, party, to_party, coalesce(reversed_kind, kind) AS kind,
                       CASE WHEN kind = 'Reversal' THEN -amount ELSE amount END AS amount
                FROM arcluster_ledger_entry WHERE practice_id = $1 AND claim_id IS NOT NULL)
            SELECT claim_id, party, sum(CASE WHEN kind IN ('Charge', 'Refund') THEN amount ELSE -amount END)
            FROM signed WHERE kind IN ('Charge', 'Refund', 'PayerPayment', 'PatientPayment', 'Adjustment', 'Transfer') GROUP BY 1, 2
            UNION ALL
            SELECT claim_id, to_party, sum(amount) FROM signed WHERE kind = 'Transfer' GROUP BY 1, 2
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Practice });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            balances[key] = balances.GetValueOrDefault(key) + reader.GetDecimal(2);
        }

        return balances;
    }

    /// <summary>Orleans' reminder rows for this practice's claims, counted per claim.</summary>
    private async Task<Dictionary<string, int>> RemindersAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_id FROM orleans_reminder WHERE reminder_name = 'follow-up'", connection);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var grain = reader.GetString(0);
            var claim = grain[(grain.LastIndexOf('/') + 1)..];
            counts[claim] = counts.GetValueOrDefault(claim) + 1;
        }

        return counts;
    }
}
