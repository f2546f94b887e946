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
    AgingBasis AgingBasis)
{
    public PracticePayer? FindPayer(PayerId payerId) =>
        Payers.FirstOrDefault(p => p.PayerId == payerId);

    /// <summary>Value equality including the payer list (ImmutableArray compares by reference).</summary>
    public bool SameAs(PracticeProfile other) =>
        PracticeId == other.PracticeId && Name == other.Name && Npi == other.Npi && TaxId == other.TaxId
        && AgingBasis == other.AgingBasis && Payers.SequenceEqual(other.Payers);
}
