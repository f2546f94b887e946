using System.Text.Json;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Hosting;

/// <summary>
/// arctl as scripts run it: the built tool in its own process, --json, against a real silo process,
/// with the sample files in deploy/local — the flow README's "Using arctl" walks through.
/// </summary>
public class ArctlTest
{
    private const string User = "arctl.tester";
    private const string Claim = "C2026-1001";
    private static readonly string[] Parties = ["primary", "secondary", "patient", "total"];
    private static readonly string[] TotalsByKind = ["charges", "payerPayments", "patientPayments", "adjustments", "refunds", "balance"];

    [Fact]
    public async Task The_sample_office_visit_is_billed_paid_and_shown_through_arctl_to_the_cent()
    {
        var database = await TestPostgres.CreateDatabaseAsync("arctl");
        var clusterId = $"arctl-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.StartAsync(database, clusterId);
        var arctl = new Arctl(database, clusterId);

        var practice = await arctl.SucceedsAsync("practice", "register", RepositoryPaths.Sample("sample-practice.json"));
        var fees = await arctl.SucceedsAsync("practice", "fees", "set", "riverside", RepositoryPaths.Sample("sample-fee-schedule.json"));
        var account = await arctl.SucceedsAsync("account", "open", RepositoryPaths.Sample("sample-account.json"));
        var opened = await arctl.SucceedsAsync("claim", "create", RepositoryPaths.Sample("sample-claim.json"));
        var eob = await arctl.RunAsync("claim", "pay", "riverside", Claim, RepositoryPaths.Sample("sample-eob.json"));
        var payment = await arctl.SucceedsAsync(
            "account", "pay", "riverside", "A1001", "--payment-id", "RCPT-5001", "--amount", "20.00", "--date", "2026-11-02", "--method", "check", "--reference", "1042");

        Assert.Equal("riverside", Text(practice, "practiceId"));
        Assert.Equal(131.45m, fees.GetProperty("rates").EnumerateArray().Single(r => Text(r, "code") == "99214").GetProperty("allowed").GetDecimal());
        Assert.Equal("A1001", Text(account, "accountId"));
        Assert.Equal(("Ready", 245.00m), (Text(opened, "status"), Amount(opened, "balance", "primary")));

        Assert.Equal(0, eob.ExitCode);
        var receipt = eob.Json;
        Assert.Equal("Paid", Text(receipt, "statusAfter"));
        Assert.Equal([0m, 0m, 29.54m, 29.54m], Balance(receipt.GetProperty("balanceAfter")));
        var posting = receipt.GetProperty("posting");
        Assert.Equal(("EOB-87726-20261030-01", 2, User), (Text(posting, "postingId"), posting.GetProperty("version").GetInt32(), Text(posting, "postedBy")));
        Assert.Equal(9, posting.GetProperty("entries").GetArrayLength());

        Assert.Equal("Settled", Text(payment, "state"));
        var application = Assert.Single(payment.GetProperty("applications").EnumerateArray());
        Assert.Equal((Claim, 20.00m), (Text(application, "claimId"), application.GetProperty("amount").GetDecimal()));
        Assert.Equal(0m, payment.GetProperty("credit").GetDecimal());

        // Reads, a resend, a rejection and a usage error change nothing, so they run side by side.
        var results = await Task.WhenAll(
            arctl.RunAsync("claim", "show", "riverside", Claim),
            arctl.RunAsync("account", "show", "riverside", "A1001"),
            arctl.RunAsync("claim", "pay", "riverside", Claim, RepositoryPaths.Sample("sample-eob.json")),
            arctl.RunAsync(
                "claim", "adjust", "riverside", Claim, "--posting-id", "ADJ-9", "--party", "primary", "--line", "9",
                "--group", "CO", "--reason", "45", "--amount", "5.00", "--date", "2026-11-02"),
            arctl.RunAsync(
                "claim", "adjust", "riverside", Claim, "--posting-id", "ADJ-10", "--party", "primary", "--group", "CO", "--reason", "45",
                "--amount", "5.005", "--date", "11/02/2026"));
        var (show, accountShow, resent, rejected, usage) = (results[0], results[1], results[2], results[3], results[4]);

        Assert.Equal(0, show.ExitCode);
        var claim = show.Json;
        Assert.Equal(("Paid", 3), (Text(claim, "status"), claim.GetProperty("version").GetInt32()));
        Assert.Equal([6.29m, 2.65m, 0.60m], claim.GetProperty("lines").EnumerateArray().Select(l => Amount(l, "balance", "patient")));
        Assert.All(claim.GetProperty("lines").EnumerateArray(), l => Assert.Equal(0m, Amount(l, "balance", "primary")));
        Assert.Equal([0m, 0m, 9.54m, 9.54m], Balance(claim.GetProperty("balance")));
        var totals = claim.GetProperty("totals");
        Assert.Equal(
            [245.00m, 118.16m, 20.00m, 97.30m, 0m, 9.54m],
            TotalsByKind.Select(t => totals.GetProperty(t).GetDecimal()));
        Assert.Equal(["Open", "PayerPayment", "PatientPayment"], claim.GetProperty("history").EnumerateArray().Select(p => Text(p, "operation")));

        Assert.Equal(0, accountShow.ExitCode);
        Assert.Equal((9.54m, 0m, 0m), (Amount(accountShow.Json, "patientBalance"), Amount(accountShow.Json, "insuranceBalance"), Amount(accountShow.Json, "unappliedCredit")));
        Assert.Equal("Maria", Text(accountShow.Json.GetProperty("patient"), "firstName"));

        Assert.Equal(0, resent.ExitCode);
        Assert.Equal(eob.Stdout, resent.Stdout);

        Assert.Equal(1, rejected.ExitCode);
        Assert.Empty(rejected.Stdout);
        Assert.Contains("lineNumber: line 9 is not on claim 'C2026-1001'", rejected.Stderr, StringComparison.Ordinal);

        Assert.Equal(64, usage.ExitCode);
        Assert.Contains("--amount: '5.005' is not an amount", usage.Stderr, StringComparison.Ordinal);
        Assert.Contains("--date: '11/02/2026' is not a date", usage.Stderr, StringComparison.Ordinal);

        // A folder of 835s whose payees are not this cluster's practices: every transaction is
        // reported (malformed ones with their segment), nothing posts, and the exit code says so.
        var era = await arctl.RunAsync("era", "ingest", Path.Combine(RepositoryPaths.X12Samples, "835"));
        Assert.Equal(1, era.ExitCode);
        var files = era.Json.EnumerateArray().ToArray();
        Assert.Equal(6, files.Length);
        Assert.All(files, f => Assert.All(f.GetProperty("transactions").EnumerateArray(), t => Assert.Equal("Rejected", Text(t, "outcome"))));
        Assert.Contains(files.Single(f => Text(f, "file") == "linuxforhealth-tertiary-payment.835").GetProperty("transactions")[0].GetProperty("reasons").EnumerateArray(),
            r => r.GetString()!.Contains("(SVC)", StringComparison.Ordinal));
        Assert.Contains("is not a registered practice", era.Stdout, StringComparison.Ordinal);

        var unknown = await arctl.RunAsync("era", "post-unapplied", "riverside", "87726", "NO-SUCH-TRACE");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'riverside/87726/NO-SUCH-TRACE' does not exist", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_era_and_bank_report_reconcile_through_arctl()
    {
        var database = await TestPostgres.CreateDatabaseAsync("arctl_recon");
        var clusterId = $"arctl-{Guid.NewGuid():N}";
        await using var silo = await SiloProcess.StartAsync(database, clusterId);
        var arctl = new Arctl(database, clusterId);
        await arctl.SucceedsAsync("practice", "register", RepositoryPaths.Sample("sample-practice.json"));
        await arctl.SucceedsAsync("account", "open", RepositoryPaths.Sample("sample-account.json"));
        await arctl.SucceedsAsync("claim", "create", RepositoryPaths.Sample("sample-claim.json"));
        await arctl.SucceedsAsync("era", "ingest", RepositoryPaths.Sample("sample-era.835"));

        // The bank report routes by the account the practice registered: the EFT carries the 835's
        // trace; the patient's check has no 835.
        var imported = await arctl.SucceedsAsync("deposits", "import", RepositoryPaths.Sample("sample-deposits.bai"));
        var again = await arctl.SucceedsAsync("deposits", "import", RepositoryPaths.Sample("sample-deposits.bai"));
        var receipts = imported[0].GetProperty("deposits").EnumerateArray().ToArray();
        Assert.Equal(["Recorded", "Recorded"], receipts.Select(r => Text(r, "outcome")));
        Assert.Equal(["AlreadyRecorded", "AlreadyRecorded"], again[0].GetProperty("deposits").EnumerateArray().Select(r => Text(r, "outcome")));

        var day = await arctl.EventuallyAsync(
            ["recon", "show", "riverside", "--day", "2026-10-30"],
            v => v.GetProperty("totals").GetProperty("deposits").GetDecimal() == 164.41m && v.GetProperty("totals").GetProperty("remittanceAdvices").GetDecimal() == 119.41m);
        var totals = day.GetProperty("totals");
        Assert.Equal(
            (118.16m, -1.25m, 45.00m, 0m),
            (Amount(totals, "payerPayments"), Amount(totals, "providerAdjustments"), Amount(totals, "depositVariance"), Amount(totals, "postingVariance")));
        Assert.Equal(119.41m, Amount(day, "byPayer", "87726", "remittanceAdvices"));

        var unmatched = await arctl.SucceedsAsync("recon", "unmatched", "riverside");
        Assert.Equal((1, 1), (unmatched.GetProperty("matched").GetInt32(), unmatched.GetProperty("depositsWithoutRemittance").GetInt32()));
        var item = Assert.Single(unmatched.GetProperty("items").EnumerateArray());
        Assert.Equal(("1042", "DepositWithoutRemittance", 45.00m), (Text(item, "reference"), Text(item, "state"), Amount(item, "depositAmount")));

        var company = await arctl.SucceedsAsync("recon", "show", "--from", "2026-10-01", "--to", "2026-10-31");
        Assert.Equal(164.41m, Amount(company, "totals", "deposits"));

        var verified = await arctl.RunAsync("verify");
        Assert.Equal(0, verified.ExitCode);
        Assert.True(Assert.Single(verified.Json.EnumerateArray()).GetProperty("clean").GetBoolean());

        var rebuilt = await arctl.SucceedsAsync("recon", "rebuild", "riverside");
        Assert.True(Assert.Single(rebuilt.EnumerateArray()).GetProperty("clean").GetBoolean());
        Assert.Equal(164.41m, Amount((await arctl.SucceedsAsync("recon", "show", "riverside", "--day", "2026-10-30")).GetProperty("totals"), "deposits"));

        // After the 835 only the patient's coinsurance (PR-2 29.54) is still owed.
        var aging = await arctl.EventuallyAsync(["aging", "riverside", "--as-of", "2026-11-30"], v => v.GetProperty("totalAr").GetDecimal() == 29.54m);
        Assert.Equal(29.54m, Amount(aging, "patient", "total"));
        Assert.Equal(29.54m, aging.GetProperty("bucketTotals").EnumerateArray().Sum(b => b.GetDecimal()));
        var companyAging = await arctl.SucceedsAsync("aging", "--as-of", "2026-11-30");
        Assert.Equal("riverside", Text(Assert.Single(companyAging.GetProperty("practices").EnumerateArray()), "practiceId"));
        Assert.Equal(64, (await arctl.RunAsync("aging", "riverside", "--as-of", "30/11/2026")).ExitCode);

        var typo = await arctl.RunAsync("recon", "show", "riversid");
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("Practice 'riversid' does not exist", typo.Stderr, StringComparison.Ordinal);

        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.bai");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(RepositoryPaths.Sample("sample-deposits.bai"))).Replace("49,1016441,5/", "49,1016442,5/", StringComparison.Ordinal));
        var rejected = await arctl.RunAsync("deposits", "import", bad);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("1016442", rejected.Stdout, StringComparison.Ordinal);
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static decimal Amount(JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, p) => e.GetProperty(p)).GetDecimal();

    private static decimal[] Balance(JsonElement balance) =>
        [.. Parties.Select(p => balance.GetProperty(p).GetDecimal())];

    /// <summary>Runs the built arctl against one cluster, as a script would: --json, its own process.</summary>
    private sealed class Arctl(string connectionString, string clusterId)
    {
        public async Task<JsonElement> SucceedsAsync(params string[] args)
        {
            var result = await RunAsync(args);
            Assert.True(result.ExitCode == 0, $"arctl {string.Join(' ', args)} exited with {result.ExitCode}:\n{result.Stderr}{result.Stdout}");
            return result.Json;
        }

        /// <summary>Runs a read until its JSON shows what the ledger stream brings in the background.</summary>
        public Task<JsonElement> EventuallyAsync(string[] args, Func<JsonElement, bool> done) =>
            Eventually.ValueAsync(() => SucceedsAsync(args), done);

        public async Task<ArctlResult> RunAsync(params string[] args)
        {
            var (exitCode, stdout, stderr) = await ArctlProcess.RunAsync(connectionString, clusterId, User, [.. args, "--json"]);
            return new ArctlResult(exitCode, stdout, stderr);
        }
    }

    private sealed record ArctlResult(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Stdout);
    }
}
