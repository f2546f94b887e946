using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Schema;
using ArCluster.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ArCluster.Persistence.Tests.Journal;

/// <summary>The journal's promises, checked on real PostgreSQL: durable, exactly once, in order, append-only.</summary>
public class PostgresLedgerJournalTest
{
    [Fact]
    public async Task Postings_read_back_in_version_order_with_their_entries_stored()
    {
        var database = await MigratedAsync("journal-order");
        await using var journal = Journal(database);

        var results = await Task.WhenAll(
            journal.AppendAsync(Append("claim:p/1", 0, "open-1", amount: 100.00m)),
            journal.AppendAsync(Append("claim:p/2", 0, "open-2", amount: 50.00m)));
        var second = await journal.AppendAsync(Append("claim:p/1", 1, "pay-1", amount: 40.00m));

        Assert.All(results.Append(second), r => Assert.Equal(AppendStatus.Appended, r.Status));
        var stream = await journal.ReadStreamAsync("claim:p/1");
        Assert.Equal(["open-1", "pay-1"], stream.Select(r => r.PostingId));
        Assert.Equal([1L, 2L], stream.Select(r => r.Version));
        Assert.True(stream[0].Position < stream[1].Position);
        Assert.Equal(19000L, await TestSql.ScalarAsync(database, "SELECT sum(amount * 100)::bigint FROM arcluster_ledger_entry"));
    }

    [Fact]
    public async Task A_writer_that_has_not_seen_the_latest_posting_writes_nothing()
    {
        var database = await MigratedAsync("journal-stale");
        await using var journal = Journal(database);
        await journal.AppendAsync(Append("claim:p/1", 0, "open", amount: 100.00m));
        await journal.AppendAsync(Append("claim:p/1", 1, "adjust", amount: 10.00m));

        var stale = await journal.AppendAsync(Append("claim:p/1", 1, "late", amount: 5.00m));
        var brandNew = await journal.AppendAsync(Append("claim:p/1", 0, "again-open", amount: 5.00m));

        Assert.Equal((AppendStatus.VersionConflict, 2L), (stale.Status, stale.Version));
        Assert.Equal(AppendStatus.VersionConflict, brandNew.Status);
        Assert.Equal(2L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_posting"));
        Assert.Equal(2L, await TestSql.ScalarAsync(database, "SELECT max(stream_version) FROM arcluster_ledger_posting WHERE stream_id = 'claim:p/1'"));
    }

    [Fact]
    public async Task A_resent_posting_returns_the_original_and_a_reused_id_is_refused()
    {
        var database = await MigratedAsync("journal-resend");
        await using var journal = Journal(database);
        var original = Append("claim:p/1", 0, "pay-9", amount: 80.00m);
        var first = await journal.AppendAsync(original);

        var resent = await journal.AppendAsync(original with { ExpectedVersion = 1, PostedAt = original.PostedAt.AddMinutes(5) });
        var reused = await journal.AppendAsync(Append("claim:p/2", 0, "pay-9", amount: 81.00m));

        Assert.Equal(AppendStatus.AlreadyPosted, resent.Status);
        Assert.Equal(first.Existing!.Position, resent.Existing!.Position);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original.PayloadJson), JsonNode.Parse(resent.Existing.PayloadJson)));
        Assert.Equal((AppendStatus.PostingIdTaken, "claim:p/1"), (reused.Status, reused.Existing!.StreamId));
        Assert.Equal(1L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_posting"));
    }

    [Fact]
    public async Task Two_silos_racing_the_same_postings_store_each_exactly_once()
    {
        var database = await MigratedAsync("journal-race");
        await using var first = Journal(database);
        await using var second = Journal(database);
        var appends = Enumerable.Range(0, 200).Select(i => Append($"claim:p/{i % 20}", 0, $"open-{i % 20}", amount: 10.00m)).ToArray();

        var results = await Task.WhenAll(appends.Select((a, i) => (i % 2 == 0 ? first : second).AppendAsync(a)));

        Assert.Equal(20, results.Count(r => r.Status == AppendStatus.Appended));
        Assert.Equal(180, results.Count(r => r.Status == AppendStatus.AlreadyPosted));
        Assert.Equal(20L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_posting"));
        Assert.Equal(20L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_entry"));
    }

    [Fact]
    public async Task One_refused_posting_in_a_batch_does_not_hold_back_the_others()
    {
        var database = await MigratedAsync("journal-batch");
        await using var journal = Journal(database);
        await journal.AppendAsync(Append("claim:p/busy", 0, "open-busy", amount: 1.00m));

        // Queued together, these share one transaction: the stale one must fail alone.
        var appends = Enumerable.Range(0, 100)
            .Select(i => i == 50 ? Append("claim:p/busy", 0, "stale", amount: 1.00m) : Append($"claim:p/{i}", 0, $"open-{i}", amount: 1.00m))
            .ToArray();
        var results = await Task.WhenAll(appends.Select(a => journal.AppendAsync(a)));

        Assert.Equal(AppendStatus.VersionConflict, results[50].Status);
        Assert.Equal(99, results.Count(r => r.Status == AppendStatus.Appended));
        Assert.Equal(100L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_posting"));
    }

    [Fact]
    public async Task Two_postings_to_one_stream_in_one_batch_get_consecutive_versions()
    {
        var database = await MigratedAsync("journal-same-stream");
        await using var journal = Journal(database);

        var results = await Task.WhenAll(
            journal.AppendAsync(Append("claim:p/1", 0, "open", amount: 10.00m)),
            journal.AppendAsync(Append("claim:p/1", 1, "next", amount: 1.00m)),
            journal.AppendAsync(Append("claim:p/1", 1, "rival", amount: 2.00m)));

        Assert.Equal([AppendStatus.Appended, AppendStatus.Appended, AppendStatus.VersionConflict], results.Select(r => r.Status));
        Assert.Equal(["open", "next"], (await journal.ReadStreamAsync("claim:p/1")).Select(r => r.PostingId));
    }

    [Theory]
    [InlineData("UPDATE arcluster_ledger_entry SET amount = 0")]
    [InlineData("DELETE FROM arcluster_ledger_entry")]
    [InlineData("UPDATE arcluster_ledger_posting SET posted_by = 'someone'")]
    [InlineData("DELETE FROM arcluster_ledger_posting")]
    [InlineData("TRUNCATE arcluster_ledger_entry")]
    public async Task History_cannot_be_changed_or_deleted(string tampering)
    {
        var database = await MigratedAsync("journal-append-only");
        await using (var journal = Journal(database))
        {
            await journal.AppendAsync(Append("claim:p/1", 0, "open", amount: 10.00m));
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(tampering, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1L, await TestSql.ScalarAsync(database, "SELECT count(*) FROM arcluster_ledger_entry WHERE amount = 10.00"));
    }

    private static async Task<string> MigratedAsync(string purpose)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await new SchemaMigrator(database).MigrateAsync();
        return database;
    }

    private static PostgresLedgerJournal Journal(string database) =>
        new(NpgsqlDataSource.Create(database), new LedgerJournalOptions(), NullLogger<PostgresLedgerJournal>.Instance);

    private static JournalAppend Append(string stream, long expectedVersion, string postingId, decimal amount)
    {
        var payload = $$"""{"postingId":"{{postingId}}","amount":{{amount}}}""";
        return new JournalAppend(
            "p",
            stream,
            expectedVersion,
            postingId,
            "Test",
            SHA256.HashData(Encoding.UTF8.GetBytes(stream + payload)),
            new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
            "tester",
            payload,
            [new JournalEntryRow($"{postingId}/1", "A1", stream, 1, "Charge", amount, "Primary", null, null, null, "87726", null, null, new DateOnly(2026, 10, 1))]);
    }
}
