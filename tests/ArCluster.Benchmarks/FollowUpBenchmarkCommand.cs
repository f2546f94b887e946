using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
using ArCluster.Grains.FollowUp;
using ArCluster.Persistence.FollowUp;
using ArCluster.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Benchmarks;

/// <summary>
/// Issue 7's scale figure: what follow-up reminders cost for N open claims. The same claims are
/// opened in a silo with follow-up off (the baseline) and in one with it on, each on its own
/// database; then the reminder table, the wake-ups per day and the cost of one wake are read.
/// </summary>
public sealed class FollowUpBenchmarkCommand : AsyncCommand<FollowUpBenchmarkCommand.Settings>
{
    private const string Practice = "followup";

    private const int Warm = 1000;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("A PostgreSQL server to create the benchmark databases on. Default: a throwaway local server.")]
        public string? Connection { get; init; }

        [CommandOption("--claims <COUNT>")]
        [Description("Open claims, each with its reminder.")]
        [DefaultValue(100000)]
        public int Claims { get; init; } = 100_000;

        [CommandOption("--wakes <COUNT>")]
        [Description("Claims woken as their reminder would, to time one wake.")]
        [DefaultValue(10000)]
        public int Wakes { get; init; } = 10_000;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var server = await BenchServer.StartAsync(settings.Connection);
        AnsiConsole.MarkupLineInterpolated($"[grey]{MachineInfo.Describe(await server.DescribeAsync())}[/]");
        var figures = await MeasureAsync(server, settings.Claims, settings.Wakes, Progress);
        AnsiConsole.Write(figures.ToTable().ToSpectre());
        return 0;
    }

    internal static async Task<FollowUpFigures> MeasureAsync(BenchServer server, int claims, int wakes, Action<string> progress)
    {
        var workload = new EraWorkload(Practice, SampleLedger.Commercial, claims, 1000);
        progress($"Opening {claims:N0} claims with follow-up off (baseline)...");
        var off = await OpenAsync(server, workload, followUp: false, progress, null);
        progress($"Opening {claims:N0} claims with follow-up on...");
        FollowUpLoad? load = null;
        var on = await OpenAsync(server, workload, followUp: true, progress, async (silo, database) => load = await ReadLoadAsync(silo, database, claims, wakes, progress));
        return new FollowUpFigures(claims, Warm, off, on, load!);
    }

    private static async Task<OpenRun> OpenAsync(BenchServer server, EraWorkload workload, bool followUp, Action<string> progress, Func<InProcessSilo, BenchDatabase, Task>? whileUp)
    {
        await using var database = await server.CreateDatabaseAsync();
        await using var silo = await InProcessSilo.StartAsync(database.ConnectionString, new Persistence.Journal.LedgerJournalOptions().Writers, ledgerFeed: false, followUp);
        var all = new EraWorkload(Practice, SampleLedger.Commercial, Warm + workload.Claims, 1000);
        await silo.Grains.GetGrain<IPracticeGrain>(Practice).Register(SamplePractices.Family(Practice));
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Claims).Select(EraWorkload.AccountId).Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (account, _) =>
            await silo.Grains.GetGrain<IAccountGrain>($"{Practice}/{account}").Open(SampleLedger.Account(Practice, account), "bench"));
        Task OpenClaimsAsync(IEnumerable<int> claims) =>
            Parallel.ForEachAsync(claims, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (n, _) =>
                await silo.Grains.GetGrain<IClaimGrain>($"{Practice}/{EraWorkload.ClaimId(n)}").Open(EnteredThisWeek(all.Claim(n), n), "bench"));

        // The first claims fill type caches, pools and the directory: kept out of the figures.
        await OpenClaimsAsync(Enumerable.Range(0, Warm));
        var baseline = ClaimGrainMemory.SettledHeapBytes();
        var clock = Stopwatch.StartNew();
        await OpenClaimsAsync(Enumerable.Range(Warm, workload.Claims));
        var elapsed = clock.Elapsed;
        var heap = ClaimGrainMemory.SettledHeapBytes() - baseline;
        progress(string.Create(CultureInfo.InvariantCulture, $"{workload.Claims:N0} claims opened in {elapsed.TotalSeconds:0.0} s; heap +{heap / 1e6:N1} MB"));
        if (whileUp is not null)
        {
            await whileUp(silo, database);
        }

        return new OpenRun(workload.Claims / elapsed.TotalSeconds, heap);
    }

    /// <summary>Charges entered within a week of the visit, as a practice's steady state is: nothing is overdue on the day it is opened.</summary>
    private static NewClaim EnteredThisWeek(NewClaim claim, int n)
    {
        var visit = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(n % 7));
        return claim with { Lines = [.. claim.Lines.Select(l => l with { ServiceDate = visit })] };
    }

    private static async Task<FollowUpLoad> ReadLoadAsync(InProcessSilo silo, BenchDatabase database, int claims, int wakes, Action<string> progress)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var reminderRows = await ScalarAsync("SELECT count(*) FROM orleans_reminder WHERE reminder_name = 'follow-up'");
        var alarmRows = await ScalarAsync("SELECT count(*) FROM arcluster_followup_alarm");
        var reminderBytes = await ScalarAsync("SELECT pg_total_relation_size('orleans_reminder')");
        var alarmBytes = await ScalarAsync("SELECT pg_total_relation_size('arcluster_followup_alarm')");
        var items = await ScalarAsync("SELECT count(*) FROM arcluster_worklist_item");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var byDay = await new FollowUpAlarmStore(NpgsqlDataSource.Create(database.ConnectionString)).WakeUpsByDayAsync(today);

        // A whole year of wakes for a sample of claims, if nobody ever paid them: each event's day,
        // and a wake at least every LongestSleep in between.
        var sleep = silo.Services.GetRequiredService<FollowUpOptions>().LongestSleep;
        var sample = Enumerable.Range(1000, Math.Min(claims, 1000)).ToArray();
        var perClaim = new List<int>();
        foreach (var n in sample)
        {
            var view = await silo.Grains.GetGrain<IClaimGrain>($"{Practice}/{EraWorkload.ClaimId(n)}").CheckFollowUp();
            perClaim.Add(WakesInAYear(view, today, sleep));
        }

        progress($"Waking {wakes:N0} claims as their reminders would...");
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1000, Math.Min(wakes, claims)), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
            await silo.Grains.GetGrain<IClaimGrain>($"{Practice}/{EraWorkload.ClaimId(n)}").CheckFollowUp());
        var wakeRate = Math.Min(wakes, claims) / clock.Elapsed.TotalSeconds;
        return new FollowUpLoad(reminderRows, alarmRows, reminderBytes, alarmBytes, items, byDay, perClaim.Average(), wakeRate);
    }

    private static int WakesInAYear(ClaimFollowUpView view, DateOnly today, TimeSpan sleep)
    {
        var days = view.Events.Select(e => e.DueOn).Where(d => d > today && d <= today.AddDays(365)).Distinct().Order().ToList();
        var wakes = 0;
        var at = today;
        foreach (var due in days.Append(today.AddDays(365)))
        {
            while (at.AddDays((int)sleep.TotalDays) < due)
            {
                at = at.AddDays((int)sleep.TotalDays);
                wakes++;
            }

            if (due < today.AddDays(365))
            {
                at = due;
                wakes++;
            }
        }

        return wakes;
    }

    private static void Progress(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");
}

internal sealed record OpenRun(double ClaimsPerSecond, long HeapBytes);

internal sealed record FollowUpLoad(
    long ReminderRows,
    long AlarmRows,
    long ReminderTableBytes,
    long AlarmTableBytes,
    long WorklistItems,
    IReadOnlyList<(DateOnly Day, long Claims)> WakesByDay,
    double WakesPerClaimPerYear,
    double WakesPerSecond);

internal sealed record FollowUpFigures(int Claims, int WarmClaims, OpenRun Off, OpenRun On, FollowUpLoad Load)
{
    /// <summary>The measured claims and those opened first to warm up: all of them have a reminder.</summary>
    private int OpenClaims => Claims + WarmClaims;

    public ResultTable ToTable()
    {
        var table = new ResultTable();
        table.Section($"Follow-up reminders for {Claims:N0} open claims");
        table.Add("Claims opened per second, follow-up on", Rate(On.ClaimsPerSecond), $"off {Rate(Off.ClaimsPerSecond)}", Ratio(On.ClaimsPerSecond / Off.ClaimsPerSecond));
        table.Add("Follow-up reminder rows (Orleans reminder table)", Count(Load.ReminderRows), $"open claims {Count(OpenClaims)}", Ratio((double)Load.ReminderRows / OpenClaims));
        table.AddDetail("alarm rows (business day each reminder is armed for)", Count(Load.AlarmRows), "", Ratio((double)Load.AlarmRows / OpenClaims));
        table.Add("Reminder table size, bytes per claim", Count(Load.ReminderTableBytes / Math.Max(1, Load.ReminderRows)), "", "");
        table.AddDetail("alarm table, bytes per claim", Count(Load.AlarmTableBytes / Math.Max(1, Load.AlarmRows)), "", "");
        table.Add("Silo heap per open claim, follow-up on", Count((long)(On.HeapBytes / (double)Claims)), $"off {Count((long)(Off.HeapBytes / (double)Claims))}", Ratio(On.HeapBytes / (double)Math.Max(1, Off.HeapBytes)));
        var busiest = Load.WakesByDay.Count == 0 ? (Day: default(DateOnly), Claims: 0L) : Load.WakesByDay.MaxBy(d => d.Claims);
        table.Add("Busiest day of first wakes (claims)", Count(busiest.Claims), $"open claims {Count(OpenClaims)}", Ratio(busiest.Claims / (double)OpenClaims));
        table.Add("Wakes per claim per year if never paid", Load.WakesPerClaimPerYear.ToString("0.0", CultureInfo.InvariantCulture), "", "");
        var perDay = Load.WakesPerClaimPerYear * OpenClaims / 365;
        table.AddDetail("average wakes per day for all claims", Count((long)perDay), "", "");
        table.Add("Wakes handled per second (one silo)", Rate(Load.WakesPerSecond), "", "");
        table.AddDetail("busiest day's wakes take (s of one silo)", (busiest.Claims / Load.WakesPerSecond).ToString("0.0", CultureInfo.InvariantCulture), "", "");
        table.Add("Worklist items raised on opening", Count(Load.WorklistItems), "", "");
        return table;
    }

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
