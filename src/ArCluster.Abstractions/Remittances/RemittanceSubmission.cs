using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;

namespace ArCluster.Abstractions.Remittances;

/// <summary>
/// One 835 transaction as read from a file, sent for posting. Where it came from (file, position)
/// is for the report only: the same transaction in a renamed file is the same remittance.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.RemittanceSubmission")]
public sealed record RemittanceSubmission(
    [property: Id(0)] string SourceFile,
    [property: Id(1)] int TransactionIndex,
    [property: Id(2)] string ControlNumber,
    [property: Id(3)] string PayerId,
    [property: Id(4)] string PayerName,
    [property: Id(5)] string? PayeeNpi,
    [property: Id(6)] string? PayeeTaxId,
    [property: Id(7)] string TraceNumber,
    [property: Id(8)] decimal TotalPayment,
    [property: Id(9)] string PaymentMethod,
    [property: Id(10)] DateOnly PaymentDate,
    [property: Id(11)] ImmutableArray<RemittanceClaimPayment> Claims,
    [property: Id(12)] ImmutableArray<ProviderAdjustmentLine> ProviderAdjustments);

/// <summary>One claim payment (CLP loop) with its services.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.RemittanceClaimPayment")]
public sealed record RemittanceClaimPayment(
    [property: Id(0)] string PatientControlNumber,
    [property: Id(1)] string Status,
    [property: Id(2)] decimal Charge,
    [property: Id(3)] decimal Paid,
    [property: Id(4)] decimal? PatientResponsibility,
    [property: Id(5)] string? PayerClaimControlNumber,
    [property: Id(6)] ImmutableArray<CasAdjustment> Adjustments,
    [property: Id(7)] ImmutableArray<RemittanceServicePayment> Services,
    [property: Id(8)] ImmutableArray<string> Remarks,
    [property: Id(9)] string? CrossoverPayer,
    [property: Id(10)] int SegmentNumber);

/// <summary>One service payment (SVC loop).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.RemittanceServicePayment")]
public sealed record RemittanceServicePayment(
    [property: Id(0)] string Code,
    [property: Id(1)] ImmutableArray<string> Modifiers,
    [property: Id(2)] string? OriginalCode,
    [property: Id(3)] decimal Charge,
    [property: Id(4)] decimal Paid,
    [property: Id(5)] DateOnly? ServiceDate,
    [property: Id(6)] string? LineControlNumber,
    [property: Id(7)] decimal? Allowed,
    [property: Id(8)] ImmutableArray<CasAdjustment> Adjustments,
    [property: Id(9)] ImmutableArray<string> Remarks,
    [property: Id(10)] int SegmentNumber)
{
    /// <summary>Units paid (SVC05; 1 when the payer leaves it out).</summary>
    [Id(11)]
    public decimal Units { get; init; } = 1m;
}

/// <summary>One PLB item: reason (WO, L6, FB, 72...), reference, amount (positive reduces the payment).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ProviderAdjustmentLine")]
public sealed record ProviderAdjustmentLine(
    [property: Id(0)] string ReasonCode,
    [property: Id(1)] string? Reference,
    [property: Id(2)] decimal Amount);
