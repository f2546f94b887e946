using System.Globalization;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Grains.Feed;
using ArCluster.Persistence.Feed;
using ArCluster.Testing;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace ArCluster.Cluster.Tests.Reconciliation;

/// <summary>
/// The feed publisher is one grain. When it is deactivated, or its silo is killed, while 835s are
/// posting, it starts again (on the next keeper ping) from the cursor it saved — not from the start
/// of the journal — and the practices' totals still reach the journal exactly.
/// </summary>
public class PublisherRestartTest(PostgresTestCluster cluster, ITestOutputHelper output) : IClassFixture<PostgresTestCluster>
{
    private const int Claims = 96;
    private const int ClaimsPerFile = 16;
    private const int ClaimsPerTransaction = 8;

    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    private ILedgerFeedGrain Publisher => cluster.Grains.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher);

    [Fact]
    public async Task A_publisher_whose_silo_is_killed_starts_again_on_another_from_its_saved_cursor_and_the_totals_reach_the_journal()
    {
        await RestartWhilePostingAsync("restart-killed", async () =>
        {
            var host = await Eventually.ValueAsync<SiloAddress?>(
                async () => await cluster.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(Publisher), a => a is not null, Recovery);
            await cluster.Cluster.KillSiloAsync(cluster.Cluster.GetSiloForAddress(host!) ?? throw new InvalidOperationException($"No silo of the test cluster is {host}."));
            return host;
        });
    }

    [Fact]
    public async Task A_deactivated_publisher_starts_again_from_its_saved_cursor_and_the_totals_reach_the_journal()
    {
        await RestartWhilePostingAsync("restart-deactivated", async () =>
        {
            await cluster.Cluster.DeactivateAsync(Publisher);
            return null;
        });
    }

    /// <summary>
    /// Enters a practice's claims, waits until the publisher has saved a cursor past them, then
    /// posts the 835s and, once the first file is in, stops the publisher with <paramref name="stop"/>
    /// (which returns the silo it killed, if any).
    /// </summary>
    private async Task RestartWhilePostingAsync(string practiceId, Func<Task<SiloAddress?>> stop)
    {
        await using var client = await ArClusterClient.ConnectAsync(new ArClusterClientOptions
        {
            ConnectionString = cluster.ConnectionString,
            ClusterId = cluster.Cluster.Options.ClusterId,
            ServiceId = cluster.Cluster.Options.ServiceId,
            User = "poster.restart",
        });
        var workload = new EraWorkload(practiceId, SampleLedger.Commercial, Claims, ClaimsPerTransaction);
        await WorkloadEntry.EnterAsync(client, workload);
        var charges = Enumerable.Range(0, Claims).Sum(EraWorkload.ChargeOf);
        await Eventually.ValueAsync(() => client.Reconciliation.GetAsync(practiceId, DateOnly.MinValue, DateOnly.MaxValue), v => v.Totals.Charges == charges);
        var entered = await LastPostingAsync(practiceId);
        await Eventually.ValueAsync(SavedCursorAsync, saved => saved >= entered, Recovery);

        var files = new List<string>();
        for (var first = 0; first < Claims; first += ClaimsPerFile)
        {
            files.Add(await WorkloadEntry.WriteEraAsync(workload, $"{practiceId.ToUpperInvariant()}F{first / ClaimsPerFile}T", first, ClaimsPerFile));
        }

        try
        {
            var firstFileIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posting = Task.Run(async () =>
            {
                foreach (var file in files)
                {
                    var (report, _) = await RetryingIngestion.IngestAsync(client, file, practiceId, Recovery);
                    Assert.All(report.Transactions, t => Assert.Empty(t.Unapplied));
                    firstFileIn.TrySetResult();
                }
            });
            await firstFileIn.Task;

            var savedAtStop = await SavedCursorAsync();
            var killed = await stop();
            await posting;

            // No verify, no rebuild: the restarted publisher alone brings the totals in.
            var day = EraWorkload.PaymentDate;
            var announced = workload.Transactions(0, Claims).Sum(t => EraWorkload.TotalPaymentOf(t.First, t.Count));
            var paid = Enumerable.Range(0, Claims).Sum(EraWorkload.PaidOf);
            var view = await Eventually.ValueAsync(
                () => client.Reconciliation.GetAsync(practiceId, day, day),
                v => v.Totals.RemittanceAdvices == announced && v.Totals.PayerPayments == paid,
                Recovery);
            Assert.Equal(0m, view.Totals.PostingVariance);
            var journal = await JournalFigures.ReadAsync(cluster.ConnectionString, practiceId);
            var live = await client.Reconciliation.GetAsync(practiceId, DateOnly.MinValue, DateOnly.MaxValue);
            Assert.Equal(journal, JournalFigures.Of(live.Totals));

            // It started again from what it had saved: it never published the journal up to there again.
            var progress = await Publisher.Progress();
            var coveredAtStop = await PostingsThroughAsync(savedAtStop);
            var total = await TestSql.ScalarAsync(cluster.ConnectionString, "SELECT count(*) FROM arcluster_ledger_posting");
            Assert.True(coveredAtStop >= Claims, $"the publisher had saved only {coveredAtStop} postings' worth when it was stopped");
            Assert.True(progress.Saved >= savedAtStop, $"restarted with its cursor at {progress.Saved}, behind the {savedAtStop} it had saved");
            Assert.True(
                progress.PostingsPublished <= total - coveredAtStop,
                $"the restarted publisher published {progress.PostingsPublished} postings; only {total - coveredAtStop} lie past its saved cursor {savedAtStop}");
            output.WriteLine($"stopped {(killed is null ? "by deactivation" : $"with silo {killed}")} after the first file, cursor saved at {savedAtStop} ({coveredAtStop} of {total} postings); " +
                $"the restarted publisher read to {progress.Read}, saved {progress.Saved}, published {progress.PostingsPublished}");
            if (killed is not null)
            {
                Assert.NotEqual(killed, await cluster.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(Publisher));
            }

            var verification = await client.Reconciliation.VerifyAsync(practiceId);
            Assert.True(verification.Clean, string.Join("; ", verification.Mismatches));
            Assert.Equal(Claims, (int)await TestSql.ScalarAsync(cluster.ConnectionString,
                $"SELECT count(*) FROM arcluster_ledger_posting WHERE practice_id = '{practiceId}' AND posting_id LIKE 'era:%' AND posting_id NOT LIKE '%:advice'"));
            var again = await client.Remittances.IngestFileAsync(files[0], practiceId);
            Assert.All(again.Transactions, t => Assert.Equal(RemittanceOutcome.AlreadyPosted, t.Outcome));
        }
        finally
        {
            foreach (var file in files)
            {
                File.Delete(file);
            }
        }
    }

    private async Task<FeedCursor> SavedCursorAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT transaction_id::text, position FROM arcluster_ledger_feed_cursor WHERE feed = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LedgerFeedStreams.Publisher });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new FeedCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : FeedCursor.Start;
    }

    private async Task<FeedCursor> LastPostingAsync(string practiceId)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT transaction_id::text, position FROM arcluster_ledger_posting WHERE practice_id = $1 ORDER BY transaction_id DESC, position DESC LIMIT 1",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = practiceId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new FeedCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
    }

    private async Task<long> PostingsThroughAsync(FeedCursor cursor)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM arcluster_ledger_posting WHERE (transaction_id, position) <= ($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter<ulong> { NpgsqlDbType = NpgsqlDbType.Xid8, TypedValue = cursor.TransactionId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Position });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
