using ArCluster.Abstractions.Remittances;

namespace ArCluster.Grains.Remittances;

/// <summary>
/// What makes two transactions the same remittance: the payer's content, not where it sat — file
/// name, position in the file, ST02 and segment numbers change when a payer or clearinghouse
/// re-bundles the same 835, and must not make it look like a different payment.
/// </summary>
internal static class RemittanceContent
{
    public static RemittanceSubmission Of(RemittanceSubmission remittance) => remittance with
    {
        SourceFile = string.Empty,
        TransactionIndex = 0,
        ControlNumber = string.Empty,
        Claims = [.. (remittance.Claims.IsDefault ? [] : remittance.Claims).Select(c => c with
        {
            SegmentNumber = 0,
            Services = [.. (c.Services.IsDefault ? [] : c.Services).Select(s => s with { SegmentNumber = 0 })],
        })],
    };
}
