using System.Collections.Immutable;

namespace ArCluster.Simulation;

/// <summary>
/// What to simulate. The same options always produce the same practices, claims and files, byte
/// for byte. Rates are probabilities (0 to 1), never amounts: money is always decimal.
/// </summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Number of practices; specialties are assigned in turn from <see cref="Specialties"/>.</summary>
    public int Practices { get; init; } = 3;

    public ImmutableArray<Specialty> Specialties { get; init; } = [Specialty.FamilyMedicine, Specialty.Orthopedics, Specialty.Pediatrics];

    /// <summary>First day of service. Must lie in the past for ArCluster to accept the claims (no future dates of service).</summary>
    public DateOnly Start { get; init; } = new(2026, 3, 2);

    /// <summary>Calendar days of service from <see cref="Start"/>; practices see patients on business days only. Payments and deposits run on until every claim is settled.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Mean visits (claims) per provider per business day; each day's count is Poisson-distributed around it.</summary>
    public double VisitsPerProviderPerDay { get; init; } = 8;

    public int MinProviders { get; init; } = 2;

    public int MaxProviders { get; init; } = 5;

    /// <summary>Share of insured claims denied whole at first adjudication (CLP02 4).</summary>
    public double DenialRate { get; init; } = 0.07;

    /// <summary>Share of paid multi-line claims with one line denied (CO-97 bundling, CO-50, CO-16).</summary>
    public double LineDenialRate { get; init; } = 0.04;

    /// <summary>Share of paid claims with one line allowed below the contracted fee schedule (AMT*B6 under the rate).</summary>
    public double UnderpaymentRate { get; init; } = 0.02;

    /// <summary>Share of paid multi-line claims whose lines the payer pays in two remittances.</summary>
    public double SplitPaymentRate { get; init; } = 0.03;

    /// <summary>Share of paid claims the payer later reverses (CLP02 22) and pays again corrected.</summary>
    public double ReversalRate { get; init; } = 0.02;

    /// <summary>Share of paid claims paid after the 30-day prompt-payment window, with interest (PLB L6).</summary>
    public double LatePaymentRate { get; init; } = 0.02;

    /// <summary>Share of paid claims the payer later recovers an overpayment on (PLB WO from a later remittance).</summary>
    public double RecoupmentRate { get; init; } = 0.005;

    /// <summary>Share of practice–commercial payer contracts paid by paper check rather than EFT (Medicare always pays by EFT).</summary>
    public double CheckPaymentRate { get; init; } = 0.15;

    /// <summary>Share of 835 transactions with one payment for a claim the practice never billed here (posted as unapplied).</summary>
    public double UnknownClaimRate { get; init; } = 0.01;

    /// <summary>Share of paying 835s whose money never shows up at the bank.</summary>
    public double MissingDepositRate { get; init; } = 0.02;

    /// <summary>Share of paying 835s whose deposit differs from BPR02 (a bank fee taken, a partial credit).</summary>
    public double DepositMismatchRate { get; init; } = 0.01;

    /// <summary>Chance per practice per business day of service of a patient's check deposited with no 835.</summary>
    public double PatientCheckRate { get; init; } = 0.10;

    /// <summary>Chance per practice per business day of service of a miscellaneous bank credit with no 835.</summary>
    public double MiscCreditRate { get; init; } = 0.02;

    /// <summary>Every problem with the options, or none.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Practices < 1)
        {
            problems.Add($"Practices is {Practices}; simulate at least 1");
        }

        if (Specialties.IsDefaultOrEmpty)
        {
            problems.Add("Specialties is empty; give at least one");
        }

        if (Days < 1)
        {
            problems.Add($"Days is {Days}; simulate at least 1");
        }

        if (VisitsPerProviderPerDay is <= 0 or > 200 || double.IsNaN(VisitsPerProviderPerDay))
        {
            problems.Add($"VisitsPerProviderPerDay is {VisitsPerProviderPerDay}; use more than 0 and at most 200");
        }

        if (MinProviders < 1 || MaxProviders < MinProviders || MaxProviders > 50)
        {
            problems.Add($"providers per practice {MinProviders}..{MaxProviders} must be 1 ≤ min ≤ max ≤ 50");
        }

        Rate(problems, nameof(DenialRate), DenialRate);
        Rate(problems, nameof(LineDenialRate), LineDenialRate);
        Rate(problems, nameof(UnderpaymentRate), UnderpaymentRate);
        Rate(problems, nameof(SplitPaymentRate), SplitPaymentRate);
        Rate(problems, nameof(ReversalRate), ReversalRate);
        Rate(problems, nameof(LatePaymentRate), LatePaymentRate);
        Rate(problems, nameof(RecoupmentRate), RecoupmentRate);
        Rate(problems, nameof(CheckPaymentRate), CheckPaymentRate);
        Rate(problems, nameof(UnknownClaimRate), UnknownClaimRate);
        Rate(problems, nameof(MissingDepositRate), MissingDepositRate);
        Rate(problems, nameof(DepositMismatchRate), DepositMismatchRate);
        Rate(problems, nameof(PatientCheckRate), PatientCheckRate);
        Rate(problems, nameof(MiscCreditRate), MiscCreditRate);
        if (MissingDepositRate + DepositMismatchRate > 1)
        {
            problems.Add("MissingDepositRate + DepositMismatchRate is more than 1");
        }

        return problems;
    }

    private static void Rate(List<string> problems, string name, double value)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            problems.Add($"{name} is {value}; a rate is between 0 and 1");
        }
    }
}
