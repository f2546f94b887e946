using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ArCluster.Abstractions.Practices;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Randomness;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Practices;

/// <summary>Builds the practices of a simulation, in order, from the seed.</summary>
internal static class PracticeFactory
{
    /// <summary>The banks practices keep their deposit accounts at (ABA routing numbers; each bank is a BAI2 group).</summary>
    private static readonly string[] Banks = ["011000138", "026013576", "121140399"];

    /// <summary>Patient accounts per claim over the run: most patients are seen once or twice in a few weeks.</summary>
    private const double AccountsPerClaim = 0.6;

    public static PracticeModel[] Create(SimulationOptions options)
    {
        var npis = new HashSet<string>(StringComparer.Ordinal);
        var taxIds = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        var practices = new PracticeModel[options.Practices];
        for (var i = 0; i < practices.Length; i++)
        {
            practices[i] = Create(options, i, npis, taxIds, accounts);
        }

        return practices;
    }

    private static PracticeModel Create(SimulationOptions options, int index, HashSet<string> npis, HashSet<string> taxIds, HashSet<string> accounts)
    {
        var random = Streams.Of(options.Seed, Purpose.Practice, index);
        var specialty = SpecialtyProfile.Of(options.Specialties[index % options.Specialties.Length]);
        var place = SyntheticNames.Places[index % SyntheticNames.Places.Length];
        var round = index / SyntheticNames.Places.Length;
        var practiceId = $"{place.ToLowerInvariant().Replace(' ', '-')}-{specialty.Slug}{(round == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"-{round + 1}"))}";
        var name = $"{place} {specialty.Title}{(round == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {round + 1}"))}";

        var npi = SyntheticIdentifiers.Npi(random, npis);
        var taxId = SyntheticIdentifiers.TaxId(random, taxIds);
        var providers = Enumerable.Range(0, random.Between(options.MinProviders, options.MaxProviders))
            .Select(_ => new SimulatedProvider(SyntheticIdentifiers.Npi(random, npis), random.Pick(SyntheticNames.First), random.Pick(SyntheticNames.Last)))
            .ToImmutableArray();

        // Two or three of the commercial plans, in a practice-specific order of patient share.
        var commercial = Payers.Commercial.OrderBy(_ => random.Next(1000)).Take(random.Between(2, 3)).ToArray();
        PayerProfile[] payers = [Payers.Medicare, Payers.Medicaid, .. commercial.OrderBy(p => p.Index)];

        var routing = Banks[random.Next(Banks.Length)];
        var account = SyntheticIdentifiers.BankAccount(random, accounts);
        var openingBalance = random.Amount(20_000m, 250_000m);

        var multiplier = random.Factor(0.90m, 1.25m);
        var chargeMaster = specialty.Codes.ToFrozenDictionary(
            code => code,
            code => decimal.Round(Procedures.Of(code).Charge * multiplier, 0, MidpointRounding.AwayFromZero) + 0.00m,
            StringComparer.Ordinal);

        var feesByPayer = new FrozenDictionary<string, decimal>?[Payers.All.Length];
        var paysByCheck = new bool[Payers.All.Length];
        var schedules = ImmutableArray.CreateBuilder<FeeScheduleRates>(payers.Length);
        foreach (var payer in payers)
        {
            var share = random.Factor(payer.AllowedMin, payer.AllowedMax);
            var fees = specialty.Codes.ToFrozenDictionary(
                code => code,
                code => Math.Min(Amounts.Round(chargeMaster[code] * share * random.Factor(0.92m, 1.08m)), Amounts.Round(chargeMaster[code] * 0.95m)),
                StringComparer.Ordinal);
            feesByPayer[payer.Index] = fees;
            schedules.Add(new FeeScheduleRates(payer.PayerId, [.. specialty.Codes.Select(code => new FeeRate(code, null, fees[code]))]));

            // Medicare requires EFT of every enrolled provider (42 CFR 424.510(e)).
            paysByCheck[payer.Index] = payer != Payers.Medicare && random.Chance(options.CheckPaymentRate);
        }

        var schedule = new VisitSchedule(options.Seed, index, options.Start, options.Days, providers.Length, options.VisitsPerProviderPerDay);
        var registration = new PracticeRegistration(
            practiceId, name, npi, taxId, [.. payers.Select(p => p.Registration)], AgingBasis.DateOfService, [account]);
        var practice = new SimulatedPractice(
            index,
            specialty.Specialty,
            registration,
            schedules.MoveToImmutable(),
            account,
            routing,
            providers,
            specialty.ClaimPrefix,
            Math.Max(25, (int)Math.Ceiling(schedule.ClaimCount * AccountsPerClaim)),
            schedule.ClaimCount);
        return new PracticeModel(practice, specialty, commercial, chargeMaster, feesByPayer, paysByCheck, openingBalance, schedule);
    }
}
