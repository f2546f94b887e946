namespace ArCluster.Domain.Remittances;

/// <summary>What the payer did with the claim (835 CLP02).</summary>
public enum ClaimPaymentStatus
{
    ProcessedAsPrimary = 1,
    ProcessedAsSecondary = 2,
    ProcessedAsTertiary = 3,
    Denied = 4,
    ProcessedAsPrimaryForwarded = 19,
    ProcessedAsSecondaryForwarded = 20,
    ProcessedAsTertiaryForwarded = 21,

    /// <summary>Reverses an earlier payment; the correction usually follows in the same 835.</summary>
    Reversal = 22,

    /// <summary>Not our claim; forwarded to another payer.</summary>
    NotOurClaim = 23,

    PredeterminationOnly = 25,
}

public static class ClaimPaymentStatuses
{
    public static bool TryParse(string? raw, out ClaimPaymentStatus status, out string error)
    {
        status = default;
        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            && Enum.IsDefined((ClaimPaymentStatus)code))
        {
            status = (ClaimPaymentStatus)code;
            error = string.Empty;
            return true;
        }

        error = $"'{raw}' is not a claim status code (CLP02): use 1, 2, 3, 4, 19, 20, 21, 22, 23 or 25";
        return false;
    }

    /// <summary>Processed and forwarded to the next payer by the payer itself (crossover): do not bill it yourself.</summary>
    public static bool IsForwarded(this ClaimPaymentStatus status) =>
        status is ClaimPaymentStatus.ProcessedAsPrimaryForwarded or ClaimPaymentStatus.ProcessedAsSecondaryForwarded or ClaimPaymentStatus.ProcessedAsTertiaryForwarded;

    /// <summary>The payer's position on the claim as it says it processed it.</summary>
    public static Ledger.ResponsibleParty? ProcessedAs(this ClaimPaymentStatus status) => status switch
    {
        ClaimPaymentStatus.ProcessedAsPrimary or ClaimPaymentStatus.ProcessedAsPrimaryForwarded => Ledger.ResponsibleParty.Primary,
        ClaimPaymentStatus.ProcessedAsSecondary or ClaimPaymentStatus.ProcessedAsSecondaryForwarded
            or ClaimPaymentStatus.ProcessedAsTertiary or ClaimPaymentStatus.ProcessedAsTertiaryForwarded => Ledger.ResponsibleParty.Secondary,
        _ => null,
    };
}
