using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Ledger;

/// <summary>Shortcuts for ledger tests: a registered practice, accounts and claims on the test cluster.</summary>
internal sealed class LedgerFixture(PostgresTestCluster cluster, string practiceId)
{
    public const string User = "poster.one";

    public static readonly DateOnly ServiceDate = new(2026, 10, 1);

    public string PracticeId => practiceId;

    public async Task RegisterPracticeAsync() =>
        await cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(SamplePractices.Family(practiceId));

    public async Task<AccountView> OpenAccountAsync(string accountId) =>
        await Account(accountId).Open(SampleLedger.Account(practiceId, accountId), User);

    public async Task<ClaimView> OpenClaimAsync(string claimId, string accountId, DateOnly? serviceDate = null, string? primary = SampleLedger.Commercial, string? secondary = null) =>
        await Claim(claimId).Open(SampleLedger.OfficeVisit(practiceId, claimId, accountId, serviceDate ?? ServiceDate, primary, secondary), User);

    /// <summary>Wire records hold immutable arrays, which compare by reference; their JSON compares by content.</summary>
    public static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    public IClaimGrain Claim(string claimId) => cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claimId}");

    public IAccountGrain Account(string accountId) => cluster.Grains.GetGrain<IAccountGrain>($"{practiceId}/{accountId}");

    /// <summary>The primary pays 80% of the allowed 100.00 on line 1, writes off the rest of the charge, and leaves 20.00 coinsurance.</summary>
    public static PostPayerPayment PrimaryPaysLineOne(string postingId) => new(
        postingId,
        Abstractions.Ledger.Party.Primary,
        new DateOnly(2026, 10, 20),
        [new LinePaid(1, 80.00m, [new CasAdjustment("CO", "45", 20.00m), new CasAdjustment("PR", "2", 20.00m)])],
        [],
        "PCN-1",
        null);
}
