namespace ArCluster.Cli;

/// <summary>
/// <c>arctl worklist PRACTICE</c> lists the practice's worklist, while <c>arctl worklist denials PRACTICE</c>
/// and the actions are subcommands. Spectre's branches cannot take an argument in a subcommand's place,
/// so a first word that is no subcommand is read as <c>worklist list PRACTICE</c>.
/// </summary>
internal static class WorklistArguments
{
    private static readonly HashSet<string> Subcommands =
        new(["list", "denials", "show", "note", "assign", "appeal", "correct", "write-off", "resolve"], StringComparer.OrdinalIgnoreCase);

    public static string[] Rewrite(string[] args) =>
        args is ["worklist", var first, ..] && !first.StartsWith('-') && !Subcommands.Contains(first)
            ? ["worklist", "list", .. args[1..]]
            : args;
}
