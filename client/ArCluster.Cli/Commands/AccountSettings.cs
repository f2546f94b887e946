using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Commands on one patient account: which practice, which account.</summary>
public class AccountSettings : ClusterSettings
{
    [CommandArgument(0, "<PRACTICE_ID>")]
    [Description("The practice id, e.g. riverside.")]
    public required string PracticeId { get; init; }

    [CommandArgument(1, "<ACCOUNT_ID>")]
    [Description("The patient account id, e.g. A1001.")]
    public required string AccountId { get; init; }
}
