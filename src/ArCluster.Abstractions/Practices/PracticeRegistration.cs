using System.Collections.Immutable;

namespace ArCluster.Abstractions.Practices;

/// <summary>
/// What a practice is registered or updated with. <see cref="DepositAccounts"/> are the bank
/// account numbers its deposits arrive in (default or empty: none), so bank files route to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.PracticeRegistration")]
public sealed record PracticeRegistration(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Npi,
    [property: Id(3)] string TaxId,
    [property: Id(4)] ImmutableArray<PayerRegistration> Payers,
    [property: Id(5)] AgingBasis AgingBasis = AgingBasis.DateOfService,
    [property: Id(6)] ImmutableArray<string> DepositAccounts = default);
