using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Testing;
using ArCluster.X12.Remittance;

namespace ArCluster.Cluster.Tests.Remittances;

/// <summary>Claims entered as a practice billed them for a sample 835, and a client to ingest it.</summary>
internal static class SampleEra
{
    /// <summary>Registers a practice for the file's payee and payer, and opens the claims the file pays.</summary>
    public static async Task<string> EnterClaimsAsync(PostgresTestCluster cluster, RemittanceAdvice advice, string practiceId)
    {
        var payer = advice.Payer.PayerId ?? advice.Payer.Id ?? advice.OriginatingCompanyId;
        var registration = SamplePractices.Family(practiceId);
        await cluster.Grains.GetGrain<IPracticeGrain>(practiceId).Register(registration with
        {
            Payers = [.. registration.Payers, new PayerRegistration(payer, advice.Payer.Name, PayerKind.Commercial, 365)],
        });

        // The samples' payees carry made-up NPIs and tax ids that registration would refuse; the
        // directory is told directly which practice they stand for.
        await cluster.Grains.GetGrain<IPracticeDirectoryGrain>("all").Record(
            practiceId, advice.Payee.IdQualifier == "XX" ? advice.Payee.Id : $"none-{practiceId}", advice.Payee.FederalTaxId ?? $"none-{practiceId}", []);
        await cluster.Grains.GetGrain<IAccountGrain>($"{practiceId}/A1").Open(SampleLedger.Account(practiceId, "A1"), "tester");
        foreach (var claim in advice.Claims)
        {
            var secondary = claim.StatusCode is "2" or "20";
            var lines = claim.Services.IsEmpty
                ? [new NewServiceLine("99213", [], 1, claim.ChargeAmount, advice.PaymentDate, "11", [1], null)]
                : claim.Services.Select((s, i) => new NewServiceLine(
                    s.Procedure.Code, s.Procedure.Modifiers, s.Units, s.ChargeAmount, s.ServiceDate ?? s.ServicePeriodStart ?? advice.PaymentDate, "11", [1], $"L{i + 1}")).ToArray();
            await cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claim.PatientControlNumber}").Open(
                new NewClaim(
                    practiceId,
                    claim.PatientControlNumber,
                    "A1",
                    new CoverageInfo(secondary ? SampleLedger.Commercial : payer, "MEMBER1"),
                    secondary ? new CoverageInfo(payer, "MEMBER2") : null,
                    "1234567893",
                    null,
                    ["R69"],
                    [.. lines]),
                "tester");
            if (secondary)
            {
                // The primary has adjudicated and passed the rest on: the secondary pays what it now owes.
                await cluster.Grains.GetGrain<IClaimGrain>($"{practiceId}/{claim.PatientControlNumber}").Transfer(
                    new TransferBalance("to-secondary", Abstractions.Ledger.Party.Primary, Abstractions.Ledger.Party.Secondary, null, null, advice.PaymentDate, null), "tester");
            }
        }

        return practiceId;
    }

    public static Task<ArClusterClient> ConnectAsync(PostgresTestCluster cluster) => ArClusterClient.ConnectAsync(new ArClusterClientOptions
    {
        ConnectionString = cluster.ConnectionString,
        ClusterId = cluster.Cluster.Options.ClusterId,
        ServiceId = cluster.Cluster.Options.ServiceId,
        User = "poster.era",
    });
}
