using System.Collections.Immutable;

namespace ArCluster.Abstractions.Practices;

/// <summary>
/// A registered practice as stored: normalized identifiers, its payers, and a version that every
/// update must quote so two staff members never overwrite each other's edits unseen.
/// <see cref="DepositAccounts"/> are in full and sorted: mask them before showing them to people.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.PracticeView")]
public sealed record PracticeView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Npi,
    [property: Id(3)] string TaxId,
    [property: Id(4)] ImmutableArray<PayerRegistration> Payers,
    [property: Id(5)] AgingBasis AgingBasis,
    [property: Id(6)] int Version,
    [property: Id(7)] DateTimeOffset RegisteredAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] ImmutableArray<string> DepositAccounts);
