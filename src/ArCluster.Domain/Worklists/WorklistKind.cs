namespace ArCluster.Domain.Worklists;

/// <summary>The lists billing staff work from, each a kind of money at risk.</summary>
public enum WorklistKind
{
    /// <summary>No answer from the payer in time, or a balance still open as the claim ages.</summary>
    FollowUp = 0,

    /// <summary>A payer denied the claim: correct, appeal or write off before the appeal window closes.</summary>
    Denial = 1,

    /// <summary>Paid below the fee schedule's expected amount: dispute or accept.</summary>
    Underpayment = 2,

    /// <summary>The payer's timely-filing limit is near or passed with no sign the payer has the claim.</summary>
    TimelyFiling = 3,

    /// <summary>Remittance money that could not be posted to a claim.</summary>
    UnappliedPayment = 4,
}
