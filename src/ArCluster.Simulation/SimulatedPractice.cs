using System.Collections.Immutable;
using ArCluster.Abstractions.Practices;

namespace ArCluster.Simulation;

/// <summary>
/// One simulated practice: what to register (<see cref="Registration"/>, with its payers and deposit
/// account), the contracted allowed amounts per payer (<see cref="FeeSchedules"/>), its providers and
/// how its claims are numbered.
/// </summary>
/// <param name="Index">Position in <see cref="Simulation.Practices"/>.</param>
/// <param name="Specialty">What the practice does.</param>
/// <param name="Registration">The practice as ArCluster registers it (group NPI, tax id, payers, deposit account).</param>
/// <param name="FeeSchedules">One schedule per registered payer, for every code the practice bills.</param>
/// <param name="DepositAccount">The bank account its EFTs and check deposits arrive in (BAI2 03 record).</param>
/// <param name="BankRoutingNumber">Its bank's ABA routing number (BAI2 02 originator, BPR13).</param>
/// <param name="Providers">Rendering providers, each with an individual NPI.</param>
/// <param name="ClaimPrefix">Claim ids are <c>{prefix}-{year of service}-{number}</c>, e.g. FM-2026-000123.</param>
/// <param name="Accounts">Number of patient accounts (<see cref="Simulation.Accounts"/>).</param>
/// <param name="Claims">Number of claims over the simulated days (<see cref="Simulation.Claims"/>).</param>
public sealed record SimulatedPractice(
    int Index,
    Specialty Specialty,
    PracticeRegistration Registration,
    ImmutableArray<FeeScheduleRates> FeeSchedules,
    string DepositAccount,
    string BankRoutingNumber,
    ImmutableArray<SimulatedProvider> Providers,
    string ClaimPrefix,
    int Accounts,
    int Claims)
{
    public string PracticeId => Registration.PracticeId;

    /// <summary>The group (billing) NPI: 835 payee N1*PE with XX, and every claim's billing NPI.</summary>
    public string Npi => Registration.Npi;

    public string TaxId => Registration.TaxId;
}

/// <summary>A rendering provider.</summary>
public sealed record SimulatedProvider(string Npi, string FirstName, string LastName);
