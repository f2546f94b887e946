using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Shows why a claim is (or is not) on the worklists and when its reminder next wakes it.</summary>
public sealed class ClaimFollowUpCommand : AsyncCommand<ClaimSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ClaimSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var view = await client.Claims.GetFollowUpAsync(settings.PracticeId, settings.ClaimId);
        if (settings.Json)
        {
            Output.WriteJson(view);
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated($"Claim [bold]{view.ClaimId}[/] of {view.PracticeId}: {view.Status}, as of {view.Today:yyyy-MM-dd}; reminder {(view.ArmedFor is { } day ? $"armed for {day:yyyy-MM-dd}" : "not armed: nothing left to come")}");
        if (view.Events.IsEmpty)
        {
            AnsiConsole.MarkupLine("Nothing to follow up: nobody but perhaps the patient owes anything.");
            return 0;
        }

        var table = new Table().AddColumns("Due", "List", "Event", "State", "Amount", "Deadline", "Reason");
        foreach (var e in view.Events)
        {
            var state = e.Open ? (e.Escalated ? "[red]open![/]" : "[yellow]open[/]") : e.Raised ? "[grey]raised, replaced[/]" : "[grey]to come[/]";
            table.AddRow(
                e.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.List,
                Markup.Escape(e.Key[(e.Key.IndexOf('/', StringComparison.Ordinal) + 1)..]),
                state,
                e.Amount.ToString("N2", CultureInfo.InvariantCulture),
                e.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(e.Reason));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
