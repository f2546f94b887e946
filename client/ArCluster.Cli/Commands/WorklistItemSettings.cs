using System.ComponentModel;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Commands on one worklist item: which practice, which item.</summary>
public class WorklistItemSettings : ClusterSettings
{
    [CommandArgument(0, "<PRACTICE_ID>")]
    [Description("The practice id, e.g. riverside.")]
    public required string PracticeId { get; init; }

    [CommandArgument(1, "<ITEM_KEY>")]
    [Description("The item's key as the list shows it, e.g. C2026-1001/denial/2026-11-20.")]
    public required string ItemKey { get; init; }
}
