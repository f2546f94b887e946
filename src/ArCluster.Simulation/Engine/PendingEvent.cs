namespace ArCluster.Simulation.Engine;

/// <summary>What a payer does with a claim on a payment day.</summary>
internal enum EventKind : byte
{
    /// <summary>First adjudication (or the first part of a split payment).</summary>
    Primary,

    /// <summary>The rest of a split payment.</summary>
    SecondPayment,

    /// <summary>Reversal of the first payment and its correction.</summary>
    Reversal,

    /// <summary>Medicaid's adjudication of a crossover.</summary>
    Secondary,

    /// <summary>PLB WO recovering part of an earlier payment.</summary>
    Recoupment,
}

/// <summary>
/// A claim waiting for a payer: all a run keeps of a claim in flight. The claim itself is rebuilt
/// from (practice, claim) when its day comes, so a million claims in flight cost a few megabytes.
/// Orders by payer, then practice, claim and kind: the order transactions and claim payments are written in.
/// </summary>
internal readonly record struct PendingEvent(int Practice, int Claim, byte Payer, EventKind Kind) : IComparable<PendingEvent>
{
    public int CompareTo(PendingEvent other)
    {
        var order = Payer.CompareTo(other.Payer);
        if (order == 0)
        {
            order = Practice.CompareTo(other.Practice);
        }

        if (order == 0)
        {
            order = Claim.CompareTo(other.Claim);
        }

        return order != 0 ? order : Kind.CompareTo(other.Kind);
    }
}
