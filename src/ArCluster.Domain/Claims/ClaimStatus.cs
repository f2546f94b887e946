namespace ArCluster.Domain.Claims;

/// <summary>Where a claim is in its life, from entry to a zero balance.</summary>
public enum ClaimStatus
{
    /// <summary>Entered but failed scrubbing; needs fixing before it can be billed.</summary>
    Draft,

    /// <summary>Charges entered and ready to bill.</summary>
    Ready,

    Submitted,

    /// <summary>The clearinghouse or payer accepted it for adjudication (277CA).</summary>
    Accepted,

    /// <summary>Never reached adjudication (999/277CA rejection): fix and resubmit.</summary>
    Rejected,

    Paid,
    PartiallyPaid,

    /// <summary>Adjudicated and not paid: correct, appeal or write off.</summary>
    Denied,

    Appealed,

    /// <summary>A corrected claim (frequency 7) is being prepared or was sent.</summary>
    Corrected,

    /// <summary>Nothing is owed by anyone; a later reversal reopens it.</summary>
    Closed,
}
