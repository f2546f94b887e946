using System.Collections.Immutable;

namespace ArCluster.Abstractions.Remittances;

/// <summary>Sent by a remittance to the claim one of its claim payments pays.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ClaimRemittance")]
public sealed record ClaimRemittance(
    [property: Id(0)] string PostingId,
    [property: Id(1)] string PayerId,
    [property: Id(2)] DateOnly PaymentDate,
    [property: Id(3)] RemittanceClaimPayment Payment,
    [property: Id(4)] string User);

/// <summary>What the claim posted for one claim payment, or why it could not.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ClaimRemittanceResult")]
public sealed record ClaimRemittanceResult(
    [property: Id(0)] bool Posted,
    [property: Id(1)] string? NotPostedReason,
    [property: Id(2)] string Status,
    [property: Id(3)] decimal Paid,
    [property: Id(4)] ImmutableDictionary<string, decimal> AdjustedByGroup,
    [property: Id(5)] decimal PatientResponsibility,
    [property: Id(6)] bool Denied,
    [property: Id(7)] bool Reversal,
    [property: Id(8)] ImmutableArray<string> Reasons,
    [property: Id(9)] ImmutableArray<string> Remarks)
{
    /// <summary>This was the claim's first payer decision (paid or denied): what denial rate counts.</summary>
    [Id(10)]
    public bool FirstAdjudication { get; init; }
}
