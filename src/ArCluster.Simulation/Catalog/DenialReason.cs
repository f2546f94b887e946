namespace ArCluster.Simulation.Catalog;

/// <summary>A CAS group and CARC with the RARC payers usually send with it (LQ*HE).</summary>
internal sealed record DenialReason(string Group, string Reason, string? Remark, int Weight)
{
    /// <summary>PR: the patient owes the denied amount (or the secondary payer does).</summary>
    public bool IsPatientResponsibility => Group == "PR";
}

internal static class DenialReasons
{
    /// <summary>Whole-claim denials at first adjudication (CLP02 4), weighted as a billing office sees them.</summary>
    public static readonly DenialReason[] Claim =
    [
        new("CO", "16", "M51", 12),  // missing/invalid information: procedure code
        new("CO", "16", "N290", 8),  // missing/invalid rendering provider identifier
        new("CO", "197", "M62", 14), // precertification/authorization absent: treatment authorization code
        new("CO", "50", "N115", 12), // not medically necessary, per the local coverage determination
        new("CO", "97", "M15", 8),   // bundled into another service
        new("CO", "29", null, 5),    // timely filing limit expired
        new("PR", "204", "N130", 14), // not covered under the patient's benefit plan
        new("CO", "18", null, 12),   // exact duplicate claim
    ];

    /// <summary>Without PR reasons: a claim with a secondary payer would pass a PR denial on to a payer that never sees it.</summary>
    public static readonly DenialReason[] ClaimWithoutPatientShare = [.. Claim.Where(r => !r.IsPatientResponsibility)];

    /// <summary>One line denied on an otherwise paid claim.</summary>
    public static readonly DenialReason[] Line =
    [
        new("CO", "97", "M15", 60),
        new("CO", "50", "N115", 25),
        new("CO", "16", "M51", 15),
    ];

    public static DenialReason Pick(DenialReason[] reasons, double roll)
    {
        var total = reasons.Sum(r => r.Weight);
        var point = roll * total;
        foreach (var reason in reasons)
        {
            point -= reason.Weight;
            if (point < 0)
            {
                return reason;
            }
        }

        return reasons[^1];
    }
}
