namespace ArCluster.Domain.Claims;

/// <summary>A claim as a caller sent it, before any rule is checked.</summary>
public sealed record ClaimInput(
    string? PracticeId,
    string? ClaimId,
    string? AccountId,
    CoverageInput? Primary,
    CoverageInput? Secondary,
    string? BillingNpi,
    string? RenderingNpi,
    IReadOnlyList<string?> Diagnoses,
    IReadOnlyList<ServiceLineInput> Lines);

public sealed record CoverageInput(string? PayerId, string? MemberId);

public sealed record ServiceLineInput(
    string? Code,
    IReadOnlyList<string?> Modifiers,
    decimal Units,
    decimal Charge,
    DateOnly ServiceDate,
    string? PlaceOfService,
    IReadOnlyList<int> DiagnosisPointers,
    string? LineControlNumber);
