using System.Collections.Immutable;
using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Remittances;

/// <summary>
/// The claims of the public sample <c>835/linuxforhealth-managed-care.835</c> (payer Rushmore Life,
/// trace 7170066655) entered as the practice billed them, and the remittance as the file carries it.
/// </summary>
internal sealed class RemittanceScenario(PostgresTestCluster cluster, string practiceId)
{
    public const string Payer = "1935665544";
    public const string Secondary = "SKCA0";
    public const string User = "poster.era";
    public static readonly DateOnly PaidOn = new(2002, 3, 14);

    public string PracticeId => practiceId;

    public async Task SetUpAsync()
    {
        var registration = SamplePractices.Family(practiceId);
        await cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(registration with
        {
            Payers = [.. registration.Payers, new PayerRegistration(Payer, "Rushmore Life", PayerKind.Commercial, 180)],
        });
        await cluster.Grains.GetGrain<IAccountGrain>($"{practiceId}/A1").Open(SampleLedger.Account(practiceId, "A1"), User);
        await OpenAsync("5554555444", "99211", 800.00m, new DateOnly(2002, 3, 1));
        await OpenAsync("8765432112", "93555", 1200.00m, new DateOnly(2002, 3, 10));
    }

    public Task<ClaimView> OpenAsync(string claimId, string code, decimal charge, DateOnly serviceDate, string? secondary = null, ImmutableArray<string> modifiers = default, params NewServiceLine[] more) =>
        Claim(claimId).Open(
            new NewClaim(
                practiceId,
                claimId,
                "A1",
                new CoverageInfo(Payer, "MI33344555510"),
                secondary is null ? null : new CoverageInfo(secondary, "MC1234"),
                "1234567893",
                null,
                ["R07.9"],
                [new NewServiceLine(code, modifiers.IsDefault ? [] : modifiers, 1, charge, serviceDate, "11", [1], $"{claimId}-1"), .. more]),
            User);

    public IClaimGrain Claim(string claimId) => cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claimId}");

    public Task<RemittanceReport> PostAsync(RemittanceSubmission remittance, string file = "managed-care.835") =>
        cluster.Grains.GetGrain<IRemittanceGrain>($"{practiceId}/{remittance.PayerId}/{remittance.TraceNumber}")
            .Post(remittance with { SourceFile = file }, User);

    /// <summary>The managed-care sample, element for element.</summary>
    public static RemittanceSubmission ManagedCare(string trace = "7170066655") => new(
        "managed-care.835",
        1,
        "112233",
        Payer,
        "RUSHMORE LIFE",
        "1234567893",
        null,
        trace,
        945.00m,
        "ACH",
        PaidOn,
        [
            new RemittanceClaimPayment("5554555444", "1", 800.00m, 450.00m, 300.00m, "94060555410000", [Cas("CO", "A2", 50.00m)],
                [Service("99211", 800.00m, 500.00m, new DateOnly(2002, 3, 1), Cas("PR", "1", 300.00m))], [], null, 13),
            new RemittanceClaimPayment("8765432112", "1", 1200.00m, 495.00m, 600.00m, "94077799230000", [Cas("CO", "A2", 55.00m)],
                [Service("93555", 1200.00m, 550.00m, new DateOnly(2002, 3, 10), Cas("PR", "1", 600.00m), Cas("CO", "45", 50.00m))], [], null, 19),
        ],
        []);

    public static CasAdjustment Cas(string group, string reason, decimal amount) => new(group, reason, amount);

    public static RemittanceServicePayment Service(string code, decimal charge, decimal paid, DateOnly date, params CasAdjustment[] adjustments) =>
        new(code, [], null, charge, paid, date, null, null, [.. adjustments], [], 0);
}
