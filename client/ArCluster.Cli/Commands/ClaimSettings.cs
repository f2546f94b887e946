using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Commands on one claim: which practice, which claim.</summary>
public class ClaimSettings : ClusterSettings
{
    [CommandArgument(0, "<PRACTICE_ID>")]
    [Description("The practice id, e.g. riverside.")]
    public required string PracticeId { get; init; }

    [CommandArgument(1, "<CLAIM_ID>")]
    [Description("The claim id, e.g. C2026-1001.")]
    public required string ClaimId { get; init; }
}
