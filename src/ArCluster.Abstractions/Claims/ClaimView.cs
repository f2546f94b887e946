using System.Collections.Immutable;
using ArCluster.Abstractions.Ledger;

namespace ArCluster.Abstractions.Claims;

/// <summary>A claim with its lines, balances by party, totals and full history.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ClaimView")]
public sealed record ClaimView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] string AccountId,
    [property: Id(3)] string Status,
    [property: Id(4)] long Version,
    [property: Id(5)] CoverageInfo? Primary,
    [property: Id(6)] CoverageInfo? Secondary,
    [property: Id(7)] string BillingNpi,
    [property: Id(8)] string RenderingNpi,
    [property: Id(9)] ImmutableArray<string> Diagnoses,
    [property: Id(10)] ImmutableArray<ClaimLineView> Lines,
    [property: Id(11)] BalanceView ClaimLevelBalance,
    [property: Id(12)] BalanceView Balance,
    [property: Id(13)] TotalsView Totals,
    [property: Id(14)] ImmutableArray<PostingView> History);

[GenerateSerializer, Immutable, Alias("arcluster.ClaimLineView")]
public sealed record ClaimLineView(
    [property: Id(0)] int LineNumber,
    [property: Id(1)] string Code,
    [property: Id(2)] ImmutableArray<string> Modifiers,
    [property: Id(3)] decimal Units,
    [property: Id(4)] decimal Charge,
    [property: Id(5)] DateOnly ServiceDate,
    [property: Id(6)] string PlaceOfService,
    [property: Id(7)] ImmutableArray<int> DiagnosisPointers,
    [property: Id(8)] string LineControlNumber,
    [property: Id(9)] BalanceView Balance);

/// <summary>A claim as its account lists it.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ClaimSummary")]
public sealed record ClaimSummary(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] DateOnly FirstServiceDate,
    [property: Id(2)] string Status,
    [property: Id(3)] decimal TotalCharge,
    [property: Id(4)] BalanceView Balance);
