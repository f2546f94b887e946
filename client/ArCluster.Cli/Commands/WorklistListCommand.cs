using System.ComponentModel;
using ArCluster.Abstractions.Worklists;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>A practice's worklist: open items, escalated first, then by deadline.</summary>
public sealed class WorklistListCommand : AsyncCommand<WorklistListCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PRACTICE_ID>")]
        [Description("The practice id, e.g. riverside.")]
        public required string PracticeId { get; init; }

        [CommandOption("--list <LIST>")]
        [Description("Only one list: follow-up, denials, underpayments, timely-filing or unapplied.")]
        public string? List { get; init; }

        [CommandOption("--payer <PAYER_ID>")]
        [Description("Only this payer's items.")]
        public string? Payer { get; init; }

        [CommandOption("--assignee <USER>")]
        [Description("Only items assigned to this user.")]
        public string? Assignee { get; init; }

        [CommandOption("--all")]
        [Description("Closed items too (appealed, written off, resolved, cleared ...).")]
        public bool All { get; init; }

        public override ValidationResult Validate() =>
            List is null || WorklistOutput.Lists.ContainsKey(List)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--list: '{List}' is not one of {string.Join(", ", WorklistOutput.Lists.Keys)}");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = new WorklistQuery(settings.List is null ? null : WorklistOutput.Lists[settings.List], settings.Payer, settings.Assignee, settings.All);
        await using var client = await settings.ConnectAsync(cancellationToken);
        WorklistOutput.WriteList(await client.Worklists.ListAsync(settings.PracticeId, query), settings.Json);
        return 0;
    }
}
