using System.Globalization;
using ArCluster.Simulation.Adjudication;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Patients;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Randomness;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Remittances;

/// <summary>
/// A payment for an office visit the practice billed before this simulation began (its claim id is
/// from the year before the first day of service, so it is never among the claims written): posting
/// must keep it unapplied, never drop it.
/// </summary>
internal static class UnknownClaims
{
    public const string Code = "99213";

    public static RemittedClaim Create(SimulationOptions options, PracticeModel practice, PayerProfile payer, DateOnly day, SimRandom random)
    {
        var serviceDate = day.AddDays(-random.Between(20, 60));
        var claimId = string.Create(CultureInfo.InvariantCulture, $"{practice.Practice.ClaimPrefix}-{options.Start.Year - 1}-{payer.Index + 1}{day.DayNumber % 100_000:D5}");
        var patient = PatientFactory.Create(options.Seed, practice, random.Next(practice.Practice.Accounts), options.Start) with
        {
            PrimaryPayer = payer,
            PrimaryMemberId = string.Create(CultureInfo.InvariantCulture, $"SIM{random.Next(1_000_000_000):D9}"),
            SecondaryPayer = null,
            SecondaryMemberId = null,
        };
        var charge = practice.ChargeOf(Code);
        var line = new ClaimLine(1, Procedures.Of(Code), [], 1m, charge, "11", [1], $"{claimId}-1");
        var claim = new SimulatedClaim(-1, claimId, serviceDate, practice.Practice.Providers[0], patient, ["Z00.00"], [line]);
        var allowed = practice.FeeOf(payer, Code);
        var service = new RemittedService(line, charge, allowed, allowed, [new Adjustment("CO", "45", charge - allowed)], null);
        return new RemittedClaim(claim, payer, "1", PayerClaimNumbers.Of(payer, practice.Index, 99_000_000 + (day.DayNumber % 1_000_000), PayerClaimNumbers.Unknown), [service]);
    }

    public static bool IsUnknown(RemittedClaim claim) => claim.Claim.Index < 0;
}
