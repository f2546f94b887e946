using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;

namespace ArCluster.Domain.Remittances;

/// <summary>
/// One service line of an 835 claim payment (loop 2110): what was billed as the payer saw it, what
/// it paid and adjusted, and the keys to find the claim's line: the line item control number
/// (REF*6R) first, else code, modifiers and date of service.
/// </summary>
public sealed record RemittanceService(
    ProcedureCode Code,
    ImmutableArray<Modifier> Modifiers,
    ProcedureCode? OriginalCode,
    Money Charge,
    Money Paid,
    DateOnly? ServiceDate,
    string? LineControlNumber,
    Money? Allowed,
    ImmutableArray<AdjustmentAmount> Adjustments,
    ImmutableArray<RemarkCode> Remarks)
{
    /// <summary>Units paid: a fee schedule's rate is per unit.</summary>
    public decimal Units { get; init; } = 1m;

    public Money Adjusted => Money.Sum(Adjustments.Select(a => a.Amount));
}
