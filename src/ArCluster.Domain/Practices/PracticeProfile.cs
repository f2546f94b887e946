using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Practices;

/// <summary>
/// A client practice of the billing company, as registered: who it is (name, group NPI, tax id),
/// the payers it bills with their timely-filing limits, how its AR is aged, and the bank accounts
/// its deposits arrive in (sorted, each once).
/// Only <see cref="PracticeProfileRules"/> creates one, so every instance is valid.
/// </summary>
public sealed record PracticeProfile(
    PracticeId PracticeId,
    string Name,
    Npi Npi,
    TaxId TaxId,
    ImmutableArray<PracticePayer> Payers,
    AgingBasis AgingBasis,
    ImmutableArray<BankAccountNumber> DepositAccounts);
