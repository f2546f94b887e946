namespace ArCluster.Domain.Remittances;

/// <summary>
/// One provider-level adjustment (PLB): not tied to one claim's lines. A positive amount reduces the
/// payment (WO overpayment recovery, 72 authorized return); a negative one increases it (L6 interest).
/// </summary>
public sealed record ProviderAdjustmentItem(string ReasonCode, string? Reference, Money Amount);
