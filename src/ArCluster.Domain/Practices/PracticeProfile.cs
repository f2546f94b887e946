using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Practices;

/// <summary>
/// A client practice of the billing company, as registered: who it is (name, group NPI, tax id),
/// the payers it bills with their timely-filing limits, and how its AR is aged.
/// Only <see cref="PracticeProfileRules"/> creates one, so every instance is valid.
/// </summary>
public sealed record PracticeProfile(
    PracticeId PracticeId,
    string Name,
    Npi Npi,
    TaxId TaxId,
    ImmutableArray<PracticePayer> Payers,
    AgingBasis AgingBasis);
