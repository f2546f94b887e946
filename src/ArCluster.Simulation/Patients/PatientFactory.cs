using System.Globalization;
using ArCluster.Abstractions.Accounts;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Randomness;

namespace ArCluster.Simulation.Patients;

/// <summary>
/// Builds patient <c>n</c> of a practice from (seed, practice, n) alone. Names are made up (see
/// <see cref="SyntheticNames"/>); member ids are shaped like the real ones but cannot be real:
/// Medicare ids start with 0, which no MBI does, and the others carry SIM.
/// </summary>
internal static class PatientFactory
{
    // MBI letters exclude S, L, O, I, B and Z (CMS MBI format specification).
    private const string MbiLetters = "ACDEFGHJKMNPQRTUVWXY";

    public static Patient Create(int seed, PracticeModel practice, int index, DateOnly start)
    {
        var random = Streams.Of(seed, Purpose.Patient, practice.Index, index);
        var mix = practice.Specialty.CoverageMix;
        Span<int> weights = stackalloc int[mix.Length];
        for (var i = 0; i < mix.Length; i++)
        {
            weights[i] = mix[i].Weight;
        }

        var coverage = mix[random.Weighted(weights)].Kind;
        var age = coverage switch
        {
            CoverageKind.Medicare => random.Between(65, 94),
            CoverageKind.MedicareMedicaid => random.Between(65, 90),
            _ when practice.Specialty.Children => random.Between(0, 17),
            CoverageKind.Medicaid => random.Between(19, 64),
            _ => random.Between(18, 64),
        };
        var born = start.AddYears(-age).AddDays(-random.Between(1, 364));
        var last = random.Pick(SyntheticNames.Last);
        var person = new PersonInfo(random.Pick(SyntheticNames.First), last, born);

        // A child's bills go to a parent.
        PersonInfo? guarantor = age < 18
            ? new PersonInfo(random.Pick(SyntheticNames.First), last, start.AddYears(-age - random.Between(20, 40)).AddDays(-random.Between(1, 364)))
            : null;

        PayerProfile? primary = null;
        PayerProfile? secondary = null;
        string? primaryMember = null;
        string? secondaryMember = null;
        switch (coverage)
        {
            case CoverageKind.Commercial:
                primary = CommercialPayer(random, practice.CommercialPayers);
                primaryMember = string.Create(CultureInfo.InvariantCulture, $"SIM{random.Next(1_000_000_000):D9}");
                break;
            case CoverageKind.Medicare:
                primary = Payers.Medicare;
                primaryMember = MedicareId(random);
                break;
            case CoverageKind.MedicareMedicaid:
                primary = Payers.Medicare;
                primaryMember = MedicareId(random);
                secondary = Payers.Medicaid;
                secondaryMember = MedicaidId(random);
                break;
            case CoverageKind.Medicaid:
                primary = Payers.Medicaid;
                primaryMember = MedicaidId(random);
                break;
        }

        decimal[] copays = practice.Specialty.Specialty == Specialty.Orthopedics ? [40m, 50m, 60m, 75m] : [0m, 20m, 25m, 30m, 40m];
        decimal[] coinsurance = [0.10m, 0.20m, 0.20m, 0.30m];
        return new Patient(
            index,
            AccountId(index),
            person,
            guarantor,
            coverage,
            primary,
            primaryMember,
            secondary,
            secondaryMember,
            copays[random.Next(copays.Length)],
            coinsurance[random.Next(coinsurance.Length)]);
    }

    public static string AccountId(int index) => string.Create(CultureInfo.InvariantCulture, $"A{index + 1:D7}");

    /// <summary>The first payer has about half of the practice's commercial patients, the next a third.</summary>
    private static PayerProfile CommercialPayer(SimRandom random, PayerProfile[] payers)
    {
        Span<int> weights = [50, 30, 20];
        return payers[random.Weighted(weights[..payers.Length])];
    }

    /// <summary>MBI-shaped (N A AN N A AN N A A N N) but with a leading 0, which no real MBI has.</summary>
    private static string MedicareId(SimRandom random)
    {
        Span<char> id = stackalloc char[11];
        id[0] = '0';
        id[1] = Letter(random);
        id[2] = random.Chance(0.5) ? Letter(random) : Digit(random);
        id[3] = Digit(random);
        id[4] = Letter(random);
        id[5] = random.Chance(0.5) ? Letter(random) : Digit(random);
        id[6] = Digit(random);
        id[7] = Letter(random);
        id[8] = Letter(random);
        id[9] = Digit(random);
        id[10] = Digit(random);
        return new string(id);
    }

    private static string MedicaidId(SimRandom random) => string.Create(CultureInfo.InvariantCulture, $"SIM{random.Next(100_000_000):D8}{Letter(random)}");

    private static char Letter(SimRandom random) => MbiLetters[random.Next(MbiLetters.Length)];

    private static char Digit(SimRandom random) => (char)('0' + random.Next(10));
}
