namespace ArCluster.Domain.Accounts;

/// <summary>The kind of change an account posting records.</summary>
public enum AccountOperation
{
    Open,
    AttachClaim,

    /// <summary>A patient payment arrived; it is then applied claim by claim.</summary>
    PaymentReceived,

    /// <summary>Part of a payment was applied to one claim (the money entries are on the claim).</summary>
    PaymentApplied,

    /// <summary>A payment is fully applied; what no claim could take is kept as the account's credit.</summary>
    PaymentSettled,

    /// <summary>A payment was taken back (a returned check, a charge-back); its applications are being reversed.</summary>
    PaymentReversalStarted,

    /// <summary>One claim's part of a reversed payment was reversed on that claim.</summary>
    ApplicationReversed,

    /// <summary>A reversed payment is fully undone, its credit part included.</summary>
    PaymentReversed,

    Refund,

    /// <summary>
    /// A payment is about to be applied to one claim, up to an amount. Journaled before the claim is
    /// asked, so a crash before the result is recorded is finished with that same claim and amount.
    /// </summary>
    PaymentApplying,
}
