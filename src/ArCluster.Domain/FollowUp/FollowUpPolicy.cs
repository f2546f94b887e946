using System.Collections.Immutable;
using ArCluster.Domain.Practices;

namespace ArCluster.Domain.FollowUp;

/// <summary>
/// How soon each kind of follow-up comes due. The defaults are what billing offices commonly work
/// to; a payer's own timely-filing limit comes from the practice's settings, never from here.
/// </summary>
public sealed record FollowUpPolicy(
    int FollowUpWindowDays,
    int TimelyFilingWarningDays,
    int AppealWarningDays,
    ImmutableArray<int> AgingThresholds)
{
    public static readonly FollowUpPolicy Default = new(30, 30, 14, [31, 61, 91, 121]);

    /// <summary>
    /// Days after a denial's remittance to file the first-level appeal: 120 for a Medicare
    /// redetermination; commercial contracts commonly allow 180; state Medicaid plans and others
    /// often 60 to 90, so the shorter common figure is used.
    /// </summary>
    public static int AppealWindowDays(PayerKind kind) => kind switch
    {
        PayerKind.Medicare => 120,
        PayerKind.Commercial => 180,
        _ => 90,
    };
}
