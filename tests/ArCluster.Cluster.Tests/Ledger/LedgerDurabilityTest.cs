using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Client;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Ledger;
using ArCluster.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ArCluster.Cluster.Tests.Ledger;

/// <summary>What must survive silo restarts, duplicate activations and duplicate clients.</summary>
public class LedgerDurabilityTest(PostgresTestCluster cluster) : IClassFixture<PostgresTestCluster>
{
    [Fact]
    public async Task After_every_silo_restarts_each_balance_and_history_is_identical()
    {
        var ledger = new LedgerFixture(cluster, "restarts");
        await ledger.RegisterPracticeAsync();
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1", primary: SampleLedger.Medicare, secondary: SampleLedger.Medicaid);
        await ledger.OpenClaimAsync("C2", "A1", primary: null);
        await ledger.Claim("C1").PostPayerPayment(LedgerFixture.PrimaryPaysLineOne("ERA-1"), LedgerFixture.User);
        await ledger.Claim("C1").Transfer(new TransferBalance("T-1", Party.Secondary, Party.Patient, 1, null, new DateOnly(2026, 11, 1), null), LedgerFixture.User);
        await ledger.Account("A1").ReceivePayment(
            new ReceivePatientPayment("P-1", 250.00m, new DateOnly(2026, 11, 3), PatientPaymentMethod.Card, null, null, null), LedgerFixture.User);
        var before = await Snapshot(ledger);

        foreach (var silo in cluster.Cluster.Silos.ToArray())
        {
            await cluster.Cluster.RestartSiloAsync(silo);
        }

        await cluster.Cluster.InitializeClientAsync();
        var after = await Snapshot(new LedgerFixture(cluster, "restarts"));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_posting_made_behind_a_grains_back_is_seen_before_the_grain_writes_again()
    {
        var ledger = new LedgerFixture(cluster, "stale");
        await ledger.RegisterPracticeAsync();
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        await using var journal = Journal();
        var store = new LedgerStore(journal);

        // A second activation of the same claim (as during a brief split) posts an adjustment.
        var parsed = PracticeId.TryParse("stale", out var practiceId, out _) & ClaimId.TryParse("C1", out var claimId, out _)
            & PostingId.TryParse("ELSEWHERE", out var elsewhere, out _) & PostingId.TryParse("STALE", out var staleId, out _)
            & AdjustmentReason.TryParse("45", out var contractual, out _);
        Assert.True(parsed);
        var stream = LedgerStreams.Claim(practiceId, claimId);
        var duplicate = Claim.FromHistory((await store.LoadClaimAsync(stream)).Postings);
        var adjustment = duplicate.PostAdjustment(
            new PostingContext(elsewhere, DateTimeOffset.UtcNow, "other.silo"),
            new AdjustmentCommand(2, ResponsibleParty.Primary, AdjustmentGroup.CO, contractual, Domain.Money.Of(10.00m), new DateOnly(2026, 10, 5), null));
        Assert.Equal(AppendStatus.Appended, (await store.AppendAsync(duplicate.Details, adjustment, new byte[32])).Status);

        // The first activation still believes it is at version 1: its write must not land on top.
        var stale = await store.AppendAsync(duplicate.Details, adjustment with { PostingId = staleId, Version = 2 }, new byte[32]);
        var receipt = await ledger.Claim("C1").PostAdjustment(
            new PostAdjustment("HERE", Party.Primary, 1, "CO", "45", 20.00m, new DateOnly(2026, 10, 6), null), LedgerFixture.User);

        Assert.Equal((AppendStatus.VersionConflict, 2L), (stale.Status, stale.Version));
        Assert.Equal(3, receipt.Posting.Version);
        Assert.Equal(140.00m, receipt.BalanceAfter.Total);
        var claim = await ledger.Claim("C1").Read();
        Assert.Equal(["Open", "Adjustment", "Adjustment"], claim.History.Select(p => p.Operation));
        Assert.Equal([1L, 2L, 3L], claim.History.Select(p => p.Version));
    }

    [Fact]
    public async Task The_same_payment_sent_at_once_by_two_client_processes_posts_once()
    {
        var ledger = new LedgerFixture(cluster, "two-clients");
        await ledger.RegisterPracticeAsync();
        await ledger.OpenAccountAsync("A1");
        await ledger.OpenClaimAsync("C1", "A1");
        await ledger.OpenClaimAsync("C2", "A1", primary: null);
        var options = new ArClusterClientOptions
        {
            ConnectionString = cluster.ConnectionString,
            ClusterId = cluster.Cluster.Options.ClusterId,
            ServiceId = cluster.Cluster.Options.ServiceId,
        };
        await using var first = await ArClusterClient.ConnectAsync(options with { User = "poster.one" });
        await using var second = await ArClusterClient.ConnectAsync(options with { User = "poster.two" });
        var eob = LedgerFixture.PrimaryPaysLineOne("EOB-55");
        var patientPayment = new ReceivePatientPayment("CASH-8", 70.00m, new DateOnly(2026, 11, 4), PatientPaymentMethod.Cash, null, null, null);

        var claimReceipts = await Task.WhenAll(
            first.Claims.PostPayerPaymentAsync("two-clients", "C1", eob),
            second.Claims.PostPayerPaymentAsync("two-clients", "C1", eob));
        var payments = await Task.WhenAll(
            first.Accounts.PostPaymentAsync("two-clients", "A1", patientPayment),
            second.Accounts.PostPaymentAsync("two-clients", "A1", patientPayment));

        Assert.Equal(LedgerFixture.Json(claimReceipts[0]), LedgerFixture.Json(claimReceipts[1]));
        Assert.Equal(LedgerFixture.Json(payments[0]), LedgerFixture.Json(payments[1]));
        var claim = await first.Claims.GetAsync("two-clients", "C1");
        Assert.Equal(["Open", "PayerPayment", "PatientPayment"], claim.History.Select(p => p.Operation));
        Assert.Equal(80.00m, claim.Totals.PayerPayments);
        var account = await second.Accounts.GetAsync("two-clients", "A1");
        var payment = Assert.Single(account.Payments);
        Assert.Equal([("C1", 20.00m), ("C2", 50.00m)], payment.Applications.Select(a => (a.ClaimId, a.Amount)));
        Assert.Equal(190.00m - 70.00m, account.PatientBalance);
    }

    private PostgresLedgerJournal Journal() =>
        new(NpgsqlDataSource.Create(cluster.ConnectionString), new LedgerJournalOptions(), NullLogger<PostgresLedgerJournal>.Instance);

    private static async Task<string> Snapshot(LedgerFixture ledger) =>
        LedgerFixture.Json(new
        {
            Account = await ledger.Account("A1").Read(),
            First = await ledger.Claim("C1").Read(),
            Second = await ledger.Claim("C2").Read(),
        });
}
