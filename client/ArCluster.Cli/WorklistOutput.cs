using System.Globalization;
using ArCluster.Abstractions.Worklists;
using Spectre.Console;

namespace ArCluster.Cli;

/// <summary>Worklists: tables for billers, JSON for scripts.</summary>
internal static class WorklistOutput
{
    public static void WriteList(WorklistView view, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(view);
            return;
        }

        var table = new Table().Title($"[bold]Worklist — {Markup.Escape(view.PracticeId)}[/]")
            .AddColumns("", "Item", "List", "Payer", "Amount", "Reason", "Due", "Deadline", "Assigned", "Status");
        Output.Numeric(table, 4);
        // Dates are never broken over two lines; keys may wrap in a narrow terminal rather than lose their end.
        foreach (var column in new[] { 6, 7 })
        {
            table.Columns[column].NoWrap = true;
        }

        foreach (var item in view.Items)
        {
            table.AddRow(
                item.Escalated ? "[red]![/]" : string.Empty, Markup.Escape(item.Key), Markup.Escape(ListName(item.Kind)), Markup.Escape(item.PayerId ?? string.Empty),
                Output.Money(item.Amount), Markup.Escape(item.Reason), Date(item.DueOn), Date(item.Deadline), Markup.Escape(item.AssignedTo ?? string.Empty),
                Markup.Escape(Status(item.Status)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(view.Truncated
            ? $"[yellow]First {view.Items.Length} items only: narrow with --list, --payer or --assignee.[/]"
            : $"[grey]{view.Items.Length} item(s); [red]![/] escalated.[/]");
    }

    public static void WriteDenials(DenialsView view, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(view);
            return;
        }

        var table = new Table().Title($"[bold]Open denials — {Markup.Escape(view.PracticeId)}[/]").AddColumns("Payer", "Reason", "Claims", "Amount", "First deadline", "Escalated");
        Output.Numeric(table, 2, 3, 5);
        foreach (var group in view.Groups)
        {
            table.AddRow(
                Markup.Escape(group.PayerId ?? string.Empty), Markup.Escape(group.Reason), Count(group.Count), Output.Money(group.Amount),
                Date(group.EarliestDeadline), Count(group.Escalated));
        }

        table.AddRow("[bold]Total[/]", string.Empty, $"[bold]{Count(view.Groups.Sum(g => g.Count))}[/]", $"[bold]{Output.Money(view.Groups.Sum(g => g.Amount))}[/]", string.Empty, string.Empty);
        AnsiConsole.Write(table);
    }

    public static void WriteItem(WorklistItemDetail detail, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(detail);
            return;
        }

        var item = detail.Item;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]Item[/]", Markup.Escape(item.Key));
        grid.AddRow("List", Markup.Escape(ListName(item.Kind)));
        grid.AddRow("Status", $"[bold]{Markup.Escape(Status(item.Status))}[/]" + (item.ResolvedBy is null ? string.Empty : Markup.Escape($" by {item.ResolvedBy} at {Timestamp(item.ResolvedAt)}")));
        grid.AddRow("Source", Markup.Escape(item.Scope));
        grid.AddRow("Claim / account", Markup.Escape($"{item.ClaimId ?? "-"} / {item.AccountId ?? "-"}"));
        grid.AddRow("Payer", Markup.Escape(item.PayerId ?? "-"));
        grid.AddRow("Amount", Output.Money(item.Amount));
        grid.AddRow("Reason", Markup.Escape(item.Reason));
        if (item.Detail is not null)
        {
            grid.AddRow("Detail", Markup.Escape(item.Detail));
        }

        grid.AddRow("Due / deadline", $"{Date(item.DueOn)} / {Date(item.Deadline)}" + (item.Escalated ? " [red](escalated)[/]" : string.Empty));
        grid.AddRow("Raised", Timestamp(item.RaisedAt));
        grid.AddRow("Assigned to", Markup.Escape(item.AssignedTo ?? "-"));
        if (item.AppealDeadline is not null)
        {
            grid.AddRow("Appeal deadline", Date(item.AppealDeadline));
        }

        AnsiConsole.Write(grid);
        var history = new Table().Title("Actions").AddColumns("When", "Who", "Action", "Note", "Posting");
        foreach (var action in detail.History)
        {
            history.AddRow(Timestamp(action.ActedAt), Markup.Escape(action.Actor), Markup.Escape(Describe(action)), Markup.Escape(action.Note ?? string.Empty), Markup.Escape(action.PostingId ?? string.Empty));
        }

        AnsiConsole.Write(history);
    }

    public static void WriteReceipt(WorklistActionReceipt receipt, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(receipt);
            return;
        }

        var action = receipt.Action;
        AnsiConsole.MarkupLine(
            $"{(receipt.Replayed ? "[yellow]Already recorded:[/]" : "[green]Recorded:[/]")} {Markup.Escape(Describe(action))} on {Markup.Escape(action.ItemKey)} " +
            $"by {Markup.Escape(action.Actor)} at {Timestamp(action.ActedAt)} (action id {Markup.Escape(action.ActionId)})");
        AnsiConsole.MarkupLine($"Item is now [bold]{Markup.Escape(Status(receipt.Item.Status))}[/]" + (receipt.Item.AssignedTo is { } who ? Markup.Escape($", assigned to {who}") : string.Empty));
        if (receipt.Posting is { } posting)
        {
            Output.WriteReceipt(posting, asJson: false);
        }
    }

    /// <summary>The names --list takes, one per kind.</summary>
    public static readonly IReadOnlyDictionary<string, WorklistItemKind> Lists = new Dictionary<string, WorklistItemKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["follow-up"] = WorklistItemKind.FollowUp,
        ["denials"] = WorklistItemKind.Denial,
        ["underpayments"] = WorklistItemKind.Underpayment,
        ["timely-filing"] = WorklistItemKind.TimelyFiling,
        ["unapplied"] = WorklistItemKind.UnappliedPayment,
    };

    private static string ListName(WorklistItemKind kind) => Lists.First(l => l.Value == kind).Key;

    private static string Status(WorklistItemStatus status) => status switch
    {
        WorklistItemStatus.WrittenOff => "written off",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Describe(WorklistActionView action) => action.Action switch
    {
        WorklistActionKind.Assign => $"assign to {action.Assignee}",
        WorklistActionKind.Appeal => $"appeal (deadline {Date(action.AppealDeadline)})",
        WorklistActionKind.MarkForCorrection => "mark for correction",
        WorklistActionKind.WriteOff => "write off",
        _ => action.Action.ToString().ToLowerInvariant(),
    };

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date?.ToString(OptionValues.DateFormat, CultureInfo.InvariantCulture) ?? "-";

    private static string Timestamp(DateTimeOffset? at) => at?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
}
