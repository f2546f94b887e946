using System.Collections.Immutable;

namespace ArCluster.Abstractions.Claims;

/// <summary>
/// A claim with its charges, as entered or imported. Without a primary coverage the claim is
/// self-pay and every charge is the patient's. Opening the same claim again returns it; opening
/// a claim id already used with different details is a conflict.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.NewClaim")]
public sealed record NewClaim(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] string AccountId,
    [property: Id(3)] CoverageInfo? Primary,
    [property: Id(4)] CoverageInfo? Secondary,
    [property: Id(5)] string BillingNpi,
    [property: Id(6)] string? RenderingNpi,
    [property: Id(7)] ImmutableArray<string> Diagnoses,
    [property: Id(8)] ImmutableArray<NewServiceLine> Lines);

[GenerateSerializer, Immutable, Alias("arcluster.CoverageInfo")]
public sealed record CoverageInfo(
    [property: Id(0)] string PayerId,
    [property: Id(1)] string MemberId);

/// <summary>One service line; <see cref="DiagnosisPointers"/> are 1-based positions in the claim's diagnoses.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.NewServiceLine")]
public sealed record NewServiceLine(
    [property: Id(0)] string Code,
    [property: Id(1)] ImmutableArray<string> Modifiers,
    [property: Id(2)] decimal Units,
    [property: Id(3)] decimal Charge,
    [property: Id(4)] DateOnly ServiceDate,
    [property: Id(5)] string PlaceOfService,
    [property: Id(6)] ImmutableArray<int> DiagnosisPointers,
    [property: Id(7)] string? LineControlNumber);
