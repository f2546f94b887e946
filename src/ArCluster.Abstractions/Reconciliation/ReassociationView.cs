using System.Collections.Immutable;

namespace ArCluster.Abstractions.Reconciliation;

[GenerateSerializer]
public enum ReassociationState
{
    Matched = 0,
    AmountMismatch = 1,
    RemittanceWithoutDeposit = 2,
    DepositWithoutRemittance = 3,
}

/// <summary>One trace or check number: the 835s that announced it, the deposits that carried it.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReassociationItem")]
public sealed record ReassociationItem(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string Reference,
    [property: Id(2)] ReassociationState State,
    [property: Id(3)] decimal RemittanceAmount,
    [property: Id(4)] decimal DepositAmount,
    [property: Id(5)] decimal Difference,
    [property: Id(6)] ImmutableArray<string> Payers,
    [property: Id(7)] DateOnly? RemittanceDate,
    [property: Id(8)] DateOnly? DepositDate);

/// <summary>A practice's reassociation: counts by state, and the items (all, or only those needing work).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReassociationView")]
public sealed record ReassociationView(
    [property: Id(0)] string Scope,
    [property: Id(1)] int Matched,
    [property: Id(2)] int AmountMismatches,
    [property: Id(3)] int RemittancesWithoutDeposit,
    [property: Id(4)] int DepositsWithoutRemittance,
    [property: Id(5)] ImmutableArray<ReassociationItem> Items);
