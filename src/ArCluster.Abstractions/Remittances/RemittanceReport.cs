using System.Collections.Immutable;

namespace ArCluster.Abstractions.Remittances;

/// <summary>What became of one 835 transaction.</summary>
[GenerateSerializer]
public enum RemittanceOutcome
{
    /// <summary>Every claim payment was posted or listed as unapplied.</summary>
    Posted = 0,

    /// <summary>This very transaction was posted before; nothing was posted again.</summary>
    AlreadyPosted = 1,

    /// <summary>A different transaction with the same payer and trace number was posted before: possibly the same money twice. Nothing was posted.</summary>
    PossibleDuplicate = 2,

    /// <summary>It failed validation or balancing; nothing of it was posted.</summary>
    Rejected = 3,
}

/// <summary>The per-transaction report: what was posted, denied, left unmatched, and why anything was refused.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.RemittanceReport")]
public sealed record RemittanceReport(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string PayerId,
    [property: Id(2)] string TraceNumber,
    [property: Id(3)] string ControlNumber,
    [property: Id(4)] RemittanceOutcome Outcome,
    [property: Id(5)] ImmutableArray<string> Reasons,
    [property: Id(6)] decimal TotalPayment,
    [property: Id(7)] int ClaimsPosted,
    [property: Id(8)] decimal Paid,
    [property: Id(9)] ImmutableDictionary<string, decimal> AdjustedByGroup,
    [property: Id(10)] decimal PatientResponsibility,
    [property: Id(11)] ImmutableArray<DeniedClaim> Denials,
    [property: Id(12)] ImmutableArray<UnappliedClaimPayment> Unapplied,
    [property: Id(13)] ImmutableArray<ProviderAdjustmentLine> ProviderAdjustments,
    [property: Id(14)] ImmutableArray<Underpayment> Underpayments,
    [property: Id(15)] int Reversals,
    [property: Id(16)] ImmutableArray<string> Forwarded,
    [property: Id(17)] string? FirstPostedFrom)
{
    /// <summary>Claims this transaction adjudicated for the first time (a split payment's second part, a correction or a secondary's payment is not).</summary>
    [Id(18)]
    public int FirstAdjudications { get; init; }

    /// <summary>Of <see cref="FirstAdjudications"/>, the claims denied: denial rate's numerator.</summary>
    [Id(19)]
    public int FirstPassDenials { get; init; }

    /// <summary>A transaction of which nothing was posted, with the reasons.</summary>
    public static RemittanceReport Refused(
        string practiceId, string payerId, string traceNumber, string controlNumber, decimal totalPayment,
        RemittanceOutcome outcome, IEnumerable<string> reasons, string? firstPostedFrom = null) =>
        new(practiceId, payerId, traceNumber, controlNumber, outcome, [.. reasons], totalPayment,
            0, 0m, ImmutableDictionary<string, decimal>.Empty, 0m, [], [], [], [], 0, [], firstPostedFrom);
}

[GenerateSerializer, Immutable, Alias("arcluster.DeniedClaim")]
public sealed record DeniedClaim(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] decimal Charge,
    [property: Id(2)] ImmutableArray<string> Reasons,
    [property: Id(3)] ImmutableArray<string> Remarks);

/// <summary>A claim payment that could not be posted (unknown claim, or a reversal of nothing on file), kept with its amounts.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.UnappliedClaimPayment")]
public sealed record UnappliedClaimPayment(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string Status,
    [property: Id(2)] decimal Charge,
    [property: Id(3)] decimal Paid,
    [property: Id(4)] string Reason);

/// <summary>A service the payer allowed less for than the practice's fee schedule expects.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.Underpayment")]
public sealed record Underpayment(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string Code,
    [property: Id(2)] decimal Allowed,
    [property: Id(3)] decimal Expected);
