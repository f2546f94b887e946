using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// Invariant 4, on real silo processes: silos are killed outright (SIGKILL) at random moments while
/// 835s are being posted, and replaced. A silo can die between making a posting durable and
/// publishing it, with batches still in its stream queues; once the cluster has recovered, every
/// posting must exist exactly once and the live reconciliation must equal the 835s and the journal —
/// reached through the stream and the journal-as-outbox alone, with no verify or rebuild to help.
/// </summary>
/// <remarks>
/// ARCLUSTER_FAULT_ROUNDS runs several rounds (each on a fresh cluster and database);
/// ARCLUSTER_FAULT_SEED replays a round's kill plan (round n uses seed + n - 1).
/// </remarks>
[Collection(RunsAlone.Name)]
public sealed class SiloFailureTest(ITestOutputHelper output)
{
    public const string RoundsVariable = "ARCLUSTER_FAULT_ROUNDS";
    public const string SeedVariable = "ARCLUSTER_FAULT_SEED";

    private const int Silos = 3;
    private const int Kills = 4;
    private const int ClaimsPerPractice = 120;
    private const int ClaimsPerFile = 20;
    private const int ClaimsPerTransaction = 8;
    private const int FilesInFlight = 2;

    private static readonly string[] PracticeIds = ["fault-north", "fault-south", "fault-east"];
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Silos_killed_while_835s_post_leave_every_payment_posted_once_and_the_live_totals_equal_the_835s()
    {
        var rounds = Environment.GetEnvironmentVariable(RoundsVariable) is { Length: > 0 } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1;
        var firstSeed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : Random.Shared.Next();
        for (var round = 1; round <= rounds; round++)
        {
            var seed = unchecked(firstSeed + round - 1);
            output.WriteLine($"round {round}/{rounds}: seed {seed} ({SeedVariable}={seed} replays it)");
            var clock = Stopwatch.StartNew();
            await new Round(seed, output).RunAsync();
            output.WriteLine($"round {round}/{rounds} with seed {seed} passed in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    /// <summary>One 835 file of the run: which practice's claims it pays, and where it was written.</summary>
    private sealed record EraFile(EraWorkload Workload, int First, int Count, string Path)
    {
        public string Name => System.IO.Path.GetFileName(Path);
    }

    /// <summary>A kill decided up front from the seed: when (after which file starts, plus a delay) and whom.</summary>
    private sealed record PlannedKill(int AfterFileStarts, TimeSpan Delay, bool AimAtPublisher, int Pick);

    private sealed class Round(int seed, ITestOutputHelper output)
    {
        private readonly Random _random = new(seed);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<string> _log = new();
        private int _retries;

        public async Task RunAsync()
        {
            var database = await TestPostgres.CreateDatabaseAsync("silofailure");
            await new SchemaMigrator(database).MigrateAsync();
            var clusterId = $"fault-{seed}-{Guid.NewGuid():N}";
            await using var cluster = await SiloProcessCluster.StartAsync(database, clusterId, Silos);
            var files = new List<EraFile>();
            try
            {
                await using var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
                {
                    ConnectionString = database,
                    ClusterId = clusterId,
                    ServiceId = clusterId,
                    User = "poster.fault",
                });
                Note($"{Silos} silos up");

                var workloads = PracticeIds.Select(p => new EraWorkload(p, SampleLedger.Commercial, ClaimsPerPractice, ClaimsPerTransaction)).ToArray();
                await Task.WhenAll(workloads.Select(w => WorkloadEntry.EnterAsync(client, w)));
                for (var p = 0; p < workloads.Length; p++)
                {
                    for (var first = 0; first < ClaimsPerPractice; first += ClaimsPerFile)
                    {
                        var path = await WorkloadEntry.WriteEraAsync(workloads[p], $"P{p}F{first / ClaimsPerFile}T", first, ClaimsPerFile);
                        files.Add(new EraFile(workloads[p], first, ClaimsPerFile, path));
                    }
                }

                files = [.. files.OrderBy(_ => _random.Next())];
                var plan = PlanKills(files.Count);
                Note($"{workloads.Length * ClaimsPerPractice} claims entered; posting {files.Count} files, kills after files {string.Join(", ", plan.Select(k => $"#{k.AfterFileStarts + 1} +{k.Delay.TotalMilliseconds:0} ms{(k.AimAtPublisher ? " (publisher's silo)" : string.Empty)}"))}");

                await IngestUnderChaosAsync(client, cluster, files, plan);
                await cluster.WaitUntilSettledAsync(Recovery);
                Note("cluster settled");

                await LiveTotalsEqualThe835sAsync(client, workloads, files);
                await VerificationIsCleanAsync(client, workloads);
                await EveryPaymentIsPostedExactlyOnceAsync(client, database, workloads, files);
                await PostingTheFilesAgainChangesNothingAsync(client, database, workloads, files);
                Note("all checks passed");
                output.WriteLine(string.Join("\n", _log));
                output.WriteLine(cluster.Events);
            }
            catch (Exception e)
            {
                var logs = Path.Combine(Path.GetTempPath(), $"arcluster-silo-failure-{seed}-{DateTime.UtcNow:yyyyMMddHHmmss}.log");
                await File.WriteAllTextAsync(logs, $"{string.Join("\n", _log)}\n\n{cluster.Events}\n\n{cluster.Logs()}");
                output.WriteLine(string.Join("\n", _log));
                output.WriteLine(cluster.Events);
                throw new XunitException($"Round with seed {seed} failed ({SeedVariable}={seed} replays it; silo logs in {logs}): {e}");
            }
            finally
            {
                foreach (var file in files)
                {
                    File.Delete(file.Path);
                }
            }
        }

        /// <summary>
        /// Kills spread over the run, and one as the last file posts: when nothing follows a lost
        /// batch to reveal the gap, only the publisher's reminders can bring it in.
        /// </summary>
        private PlannedKill[] PlanKills(int files) =>
            [.. Enumerable.Range(1, files - 3).OrderBy(_ => _random.Next()).Take(Kills - 1).Order().Append(files - 1)
                .Select(f => new PlannedKill(f, TimeSpan.FromMilliseconds(_random.Next(0, 1500)), _random.NextDouble() < 0.4, _random.Next(Silos)))];

        /// <summary>
        /// Posts the files, a few at a time, retrying a file whenever a silo's death fails it, while
        /// the chaos loop kills a silo shortly after each planned file starts and brings up a
        /// replacement. Ingestion does not run more than two files past a planned kill before it has
        /// happened, so every kill lands while postings are in flight.
        /// </summary>
        private async Task IngestUnderChaosAsync(ArClusterClient client, SiloProcessCluster cluster, IReadOnlyList<EraFile> files, PlannedKill[] plan)
        {
            var started = files.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var killed = plan.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var chaos = Task.Run(async () =>
            {
                for (var k = 0; k < plan.Length; k++)
                {
                    await started[plan[k].AfterFileStarts].Task;
                    await Task.Delay(plan[k].Delay);
                    var running = cluster.Running;
                    var publisher = plan[k].AimAtPublisher ? PublisherHost(running) : null;
                    var victim = publisher ?? running[plan[k].Pick % running.Count];
                    var address = cluster.AddressOf(victim);
                    await cluster.KillAsync(victim);
                    Note($"SIGKILL {address}{(publisher is null ? string.Empty : " (hosting the feed publisher)")}");
                    killed[k].SetResult();
                    var replacement = await cluster.StartSiloAsync();
                    Note($"replacement {cluster.AddressOf(replacement)} active");
                }
            });

            var next = -1;
            var reports = new ConcurrentDictionary<EraFile, RemittanceFileReport>();
            var workers = Enumerable.Range(0, FilesInFlight).Select(_ => Task.Run(async () =>
            {
                for (var f = Interlocked.Increment(ref next); f < files.Count; f = Interlocked.Increment(ref next))
                {
                    foreach (var (kill, k) in plan.Select((kill, k) => (kill, k)).Where(x => x.kill.AfterFileStarts + FilesInFlight <= f))
                    {
                        await killed[k].Task;
                    }

                    started[f].SetResult();
                    reports[files[f]] = await IngestWithRetriesAsync(client, files[f]);
                }
            })).ToArray();

            try
            {
                await Task.WhenAll(workers);
            }
            finally
            {
                // A planned file that never started (ingestion failed) must not leave the chaos loop waiting.
                foreach (var s in started)
                {
                    s.TrySetResult();
                }

                await chaos;
            }

            Note($"{files.Count} files posted with {_retries} retries");
            foreach (var (file, report) in reports)
            {
                Assert.All(report.Transactions, t =>
                {
                    Assert.True(t.Outcome is RemittanceOutcome.Posted or RemittanceOutcome.AlreadyPosted, $"{file.Name} {t.TraceNumber}: {t.Outcome} {string.Join("; ", t.Reasons)}");
                    Assert.Empty(t.Unapplied);
                });
                Assert.Equal(file.Count, report.Transactions.Sum(t => t.ClaimsPosted));
            }
        }

        private async Task<RemittanceFileReport> IngestWithRetriesAsync(ArClusterClient client, EraFile file)
        {
            var (report, attempts) = await RetryingIngestion.IngestAsync(client, file.Path, file.Workload.PracticeId, Recovery, (attempt, e) =>
            {
                Interlocked.Increment(ref _retries);
                Note($"{file.Name} attempt {attempt} failed: {e.GetType().Name}: {FirstLine(e.Message)}");
            });
            if (attempts > 1)
            {
                Note($"{file.Name} posted on attempt {attempts}: {string.Join(", ", report.Transactions.GroupBy(t => t.Outcome).Select(g => $"{g.Count()} {g.Key}"))}");
            }

            return report;
        }

        /// <summary>(c) The live figures reach the 835s' own totals by the stream alone: polled, never verified or rebuilt first.</summary>
        private async Task LiveTotalsEqualThe835sAsync(ArClusterClient client, EraWorkload[] workloads, IReadOnlyList<EraFile> files)
        {
            var clock = Stopwatch.StartNew();
            foreach (var workload in workloads)
            {
                var announced = files.Where(f => f.Workload == workload)
                    .SelectMany(f => workload.Transactions(f.First, f.Count))
                    .Sum(t => EraWorkload.TotalPaymentOf(t.First, t.Count));
                var paid = Enumerable.Range(0, workload.Claims).Sum(EraWorkload.PaidOf);
                var charged = Enumerable.Range(0, workload.Claims).Sum(EraWorkload.ChargeOf);
                var day = EraWorkload.PaymentDate;
                var view = await EventuallyAsync(
                    () => client.Reconciliation.GetAsync(workload.PracticeId, day, day),
                    v => v.Totals.RemittanceAdvices == announced && v.Totals.PayerPayments == paid && v.Totals.PostingVariance == 0m,
                    $"the live totals of {workload.PracticeId} on {day:yyyy-MM-dd} to reach 835s {announced}, payer payments {paid}");
                Assert.Equal(announced, view.Totals.RemittanceAdvices);
                Assert.Equal(paid, view.Totals.PayerPayments);
                Assert.Equal(0m, view.Totals.PostingVariance);
                Assert.Equal(paid, Assert.Single(view.ByPayer).Value.PayerPayments);

                var everything = await EventuallyAsync(
                    () => client.Reconciliation.GetAsync(workload.PracticeId, DateOnly.MinValue, DateOnly.MaxValue),
                    v => v.Totals.Charges == charged,
                    $"the live charges of {workload.PracticeId} to reach {charged}");
                Assert.Equal(
                    Enumerable.Range(0, workload.Claims).Sum(n => EraWorkload.ChargeOf(n) - EraWorkload.AllowedOf(n)),
                    everything.Totals.Adjustments);
            }

            Note($"live totals equal the 835s {clock.Elapsed.TotalSeconds:0.0} s after the cluster settled");
        }

        /// <summary>(b) Stored totals equal a fold of the journal, for every practice.</summary>
        private static async Task VerificationIsCleanAsync(ArClusterClient client, EraWorkload[] workloads)
        {
            var before = await Task.WhenAll(workloads.Select(w => client.Reconciliation.GetAsync(w.PracticeId, DateOnly.MinValue, DateOnly.MaxValue)));
            var reports = await client.Reconciliation.VerifyAllAsync();
            Assert.Equal(workloads.Select(w => w.PracticeId).Order(), reports.Select(r => r.PracticeId).Order());
            Assert.All(reports, r =>
            {
                Assert.True(r.Clean, $"{r.PracticeId} differs from the journal through {r.Through}: {string.Join("; ", r.Mismatches)}");
                Assert.True(r.LinesCompared > 0, $"{r.PracticeId} compared nothing");
            });

            // Verification found nothing to catch up on: the stream had brought everything in.
            var after = await Task.WhenAll(workloads.Select(w => client.Reconciliation.GetAsync(w.PracticeId, DateOnly.MinValue, DateOnly.MaxValue)));
            Assert.Equal(before.Select(v => JournalFigures.Of(v.Totals)), after.Select(v => JournalFigures.Of(v.Totals)));
        }

        /// <summary>(a) In the journal itself: each claim payment once, each 835 once, each claim exactly as the 835 pays it.</summary>
        private static async Task EveryPaymentIsPostedExactlyOnceAsync(ArClusterClient client, string database, EraWorkload[] workloads, IReadOnlyList<EraFile> files)
        {
            var postings = await CountEraPostingsAsync(database);
            foreach (var workload in workloads)
            {
                var transactions = files.Where(f => f.Workload == workload).Sum(f => workload.Transactions(f.First, f.Count).Count());
                Assert.Equal((workload.Claims, workload.Claims, transactions), postings.GetValueOrDefault(workload.PracticeId));

                var journal = await JournalFigures.ReadAsync(database, workload.PracticeId);
                var live = await client.Reconciliation.GetAsync(workload.PracticeId, DateOnly.MinValue, DateOnly.MaxValue);
                Assert.Equal(journal, JournalFigures.Of(live.Totals));

                var paidPerClaim = await PaidPerClaimAsync(database, workload.PracticeId);
                Assert.Equal(workload.Claims, paidPerClaim.Count);
                await Parallel.ForEachAsync(Enumerable.Range(0, workload.Claims), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
                {
                    var id = EraWorkload.ClaimId(n);
                    Assert.Equal(EraWorkload.PaidOf(n), paidPerClaim[id]);
                    var claim = await client.Claims.GetAsync(workload.PracticeId, id);
                    Assert.Equal(
                        (EraWorkload.ChargeOf(n), EraWorkload.PaidOf(n), EraWorkload.ChargeOf(n) - EraWorkload.AllowedOf(n)),
                        (claim.Totals.Charges, claim.Totals.PayerPayments, claim.Totals.Adjustments));
                    Assert.Equal(
                        (0m, EraWorkload.AllowedOf(n) - EraWorkload.PaidOf(n), EraWorkload.AllowedOf(n) - EraWorkload.PaidOf(n)),
                        (claim.Balance.Primary, claim.Balance.Patient, claim.Balance.Total));
                });
            }
        }

        /// <summary>Invariant 3 on the recovered cluster: every transaction of every file answers AlreadyPosted and the journal does not move.</summary>
        private static async Task PostingTheFilesAgainChangesNothingAsync(ArClusterClient client, string database, EraWorkload[] workloads, IReadOnlyList<EraFile> files)
        {
            var before = await CountEraPostingsAsync(database);
            foreach (var file in files)
            {
                var again = await client.Remittances.IngestFileAsync(file.Path, file.Workload.PracticeId);
                Assert.All(again.Transactions, t => Assert.Equal(RemittanceOutcome.AlreadyPosted, t.Outcome));
            }

            Assert.Equal(before, await CountEraPostingsAsync(database));
            foreach (var workload in workloads)
            {
                var journal = await JournalFigures.ReadAsync(database, workload.PracticeId);
                var live = await client.Reconciliation.GetAsync(workload.PracticeId, DateOnly.MinValue, DateOnly.MaxValue);
                Assert.Equal(journal, JournalFigures.Of(live.Totals));
            }
        }

        /// <summary>Per practice: claim payment postings, distinct claim payment posting ids, and 835 (advice) postings.</summary>
        private static async Task<Dictionary<string, (int, int, int)>> CountEraPostingsAsync(string database)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT practice_id,
                       count(*) FILTER (WHERE posting_id NOT LIKE '%:advice'),
                       count(DISTINCT posting_id) FILTER (WHERE posting_id NOT LIKE '%:advice'),
                       count(*) FILTER (WHERE posting_id LIKE '%:advice')
                FROM arcluster_ledger_posting WHERE posting_id LIKE 'era:%'
                GROUP BY practice_id
                """,
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            var counts = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
            }

            return counts;
        }

        private static async Task<Dictionary<string, decimal>> PaidPerClaimAsync(string database, string practiceId)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT claim_id, coalesce(sum(amount) FILTER (WHERE kind = 'PayerPayment'), 0)
                FROM arcluster_ledger_entry WHERE practice_id = $1 AND claim_id IS NOT NULL
                GROUP BY claim_id
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = practiceId });
            await using var reader = await command.ExecuteReaderAsync();
            var paid = new Dictionary<string, decimal>(StringComparer.Ordinal);
            while (await reader.ReadAsync())
            {
                paid[reader.GetString(0)] = reader.GetDecimal(1);
            }

            return paid;
        }

        /// <summary>The silo that most recently logged starting the feed publisher, if it is still running.</summary>
        private static SiloProcess? PublisherHost(IReadOnlyList<SiloProcess> running) =>
            running
                .Select(s => (Silo: s, Started: s.Output.Split('\n').LastOrDefault(l => l.Contains("Ledger feed publisher starting", StringComparison.Ordinal))))
                .Where(x => x.Started is { Length: > 24 })
                .OrderByDescending(x => x.Started![..24], StringComparer.Ordinal)
                .Select(x => x.Silo)
                .FirstOrDefault();

        /// <summary>Like <see cref="Eventually"/>, but a read that fails (the cluster still moving grains) is just another try.</summary>
        private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
            where T : class
        {
            var deadline = Stopwatch.StartNew();
            object? last = null;
            while (true)
            {
                try
                {
                    var value = await read();
                    if (done(value))
                    {
                        return value;
                    }

                    last = value;
                }
                catch (Exception e) when (e is not XunitException)
                {
                    last = e;
                }

                if (deadline.Elapsed > Recovery)
                {
                    throw new TimeoutException($"Waited {Recovery.TotalSeconds:0} s for {what}; last: {last}");
                }

                await Task.Delay(100);
            }
        }

        private void Note(string what) => _log.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds,7:0.0}s {what}"));

        private static string FirstLine(string text) => text.Split('\n', 2)[0];
    }
}

/// <summary>The fault test starts and kills silo processes: it runs alone, so other tests neither slow it nor are slowed by it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Silo failure";
}
