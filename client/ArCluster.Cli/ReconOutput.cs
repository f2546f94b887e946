using System.Globalization;
using ArCluster.Abstractions.Deposits;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Client;
using Spectre.Console;

namespace ArCluster.Cli;

/// <summary>Reconciliation, reassociation, verification and deposit imports: tables for supervisors, JSON for scripts.</summary>
internal static class ReconOutput
{
    public static void WriteTotals(ReconciliationView view, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(view);
            return;
        }

        var days = view.From == DateOnly.MinValue && view.To == DateOnly.MaxValue ? "all days"
            : view.From == view.To ? Day(view.From) : $"{Day(view.From)} – {Day(view.To)}";
        var figures = new Table().Title($"[bold]Reconciliation — {view.Scope.EscapeMarkup()}[/], {days}").AddColumns("", "Amount").HideHeaders();
        Output.Numeric(figures, 1);
        var t = view.Totals;
        figures.AddRow("Charges", Output.Money(t.Charges));
        figures.AddRow("Payer payments", Output.Money(t.PayerPayments));
        figures.AddRow("Patient payments", Output.Money(t.PatientPayments));
        foreach (var (group, amount) in t.AdjustmentsByGroup.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figures.AddRow($"Adjustments {group.EscapeMarkup()}", Output.Money(amount));
        }

        foreach (var (party, amount) in t.TransfersByParty.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            figures.AddRow($"Transferred to {party.EscapeMarkup()}", Output.Money(amount));
        }

        figures.AddRow("Refunds", Output.Money(t.Refunds));
        figures.AddRow("Provider adjustments (PLB)", Output.Money(t.ProviderAdjustments));
        figures.AddRow("[bold]835 totals (BPR02)[/]", Output.Money(t.RemittanceAdvices));
        figures.AddRow("[bold]Deposits[/]", Output.Money(t.Deposits));
        figures.AddRow(Flag("Deposit variance", t.DepositVariance), Output.Money(t.DepositVariance));
        figures.AddRow(Flag("Posting variance (835 money not posted)", t.PostingVariance), Output.Money(t.PostingVariance));
        AnsiConsole.Write(figures);

        if (view.ByPayer.Count > 0)
        {
            var payers = new Table().Title("By payer").AddColumns("Payer", "Paid", "Adjusted", "PLB", "835 totals", "Posting variance");
            Output.Numeric(payers, 1, 2, 3, 4, 5);
            foreach (var (payer, p) in view.ByPayer.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                payers.AddRow(payer.EscapeMarkup(), Output.Money(p.PayerPayments), Output.Money(p.Adjustments), Output.Money(p.ProviderAdjustments),
                    Output.Money(p.RemittanceAdvices), Output.Money(p.PostingVariance));
            }

            AnsiConsole.Write(payers);
        }

        AnsiConsole.MarkupLine($"[grey]{view.Practices.Length} practice(s), as of {view.AsOf.ToString("u", CultureInfo.InvariantCulture)}; days are the entries' effective dates.[/]");
    }

    public static void WriteReassociation(ReassociationView view, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(view);
            return;
        }

        AnsiConsole.MarkupLine(
            $"[bold]Reassociation — {view.Scope.EscapeMarkup()}[/]: {view.Matched} matched, {view.AmountMismatches} amount mismatches, " +
            $"{view.RemittancesWithoutDeposit} 835s without money, {view.DepositsWithoutRemittance} deposits without an 835");
        if (view.Items.IsEmpty)
        {
            return;
        }

        var items = new Table().AddColumns("Practice", "Trace / check", "State", "835 total", "Deposited", "Difference", "Payers", "835 date", "Deposit date");
        Output.Numeric(items, 3, 4, 5);
        foreach (var i in view.Items)
        {
            items.AddRow(i.PracticeId.EscapeMarkup(), i.Reference.EscapeMarkup(), State(i.State), Output.Money(i.RemittanceAmount), Output.Money(i.DepositAmount),
                Output.Money(i.Difference), string.Join(", ", i.Payers).EscapeMarkup(), i.RemittanceDate is { } r ? Day(r) : "", i.DepositDate is { } d ? Day(d) : "");
        }

        AnsiConsole.Write(items);
    }

    public static void WriteVerification(IReadOnlyList<VerificationReport> reports, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(reports);
            return;
        }

        foreach (var report in reports)
        {
            AnsiConsole.MarkupLine(report.Clean
                ? $"[green]clean[/]  {report.PracticeId.EscapeMarkup()}: {report.LinesCompared} lines equal the journal ({report.PostingsRead} postings, through {report.Through})"
                : $"[red]DIFFERS[/] {report.PracticeId.EscapeMarkup()}: {report.Mismatches.Length} of {report.LinesCompared} lines differ from the journal (through {report.Through})");
        }

        var mismatches = reports.SelectMany(r => r.Mismatches).ToArray();
        if (mismatches.Length > 0)
        {
            var table = new Table().AddColumns("Practice", "Day", "Category", "Payer", "Detail", "Journal", "Stored");
            Output.Numeric(table, 5, 6);
            foreach (var m in mismatches)
            {
                table.AddRow(m.PracticeId.EscapeMarkup(), Day(m.Day), m.Category, m.PayerId.EscapeMarkup(), m.Detail.EscapeMarkup(), Output.Money(m.Journal), Output.Money(m.Stored));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("[grey]Rebuild a practice's totals from the journal with: arctl recon rebuild PRACTICE_ID[/]");
        }
    }

    public static void WriteDeposits(IReadOnlyList<DepositFileReport> reports, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(reports);
            return;
        }

        foreach (var report in reports)
        {
            if (report.Rejected)
            {
                AnsiConsole.MarkupLine($"[red]Rejected[/] {report.File.EscapeMarkup()} ({report.Format}): nothing of it was recorded");
                foreach (var error in report.FileErrors)
                {
                    AnsiConsole.MarkupLine($"  {error.EscapeMarkup()}");
                }

                continue;
            }

            int Count(DepositOutcome outcome) => report.Deposits.Count(d => d.Outcome == outcome);
            AnsiConsole.MarkupLine(
                $"[bold]{report.File.EscapeMarkup()}[/] ({report.Format}): {Count(DepositOutcome.Recorded)} recorded ({Output.Money(report.Recorded)}), " +
                $"{Count(DepositOutcome.AlreadyRecorded)} already recorded, {Count(DepositOutcome.Rejected)} rejected");
            foreach (var d in report.Deposits.Where(d => d.Outcome == DepositOutcome.Rejected))
            {
                AnsiConsole.MarkupLine($"  [red]line {d.Line}[/] {d.Reference.EscapeMarkup()} {Output.Money(d.Amount)}: {string.Join("; ", d.Reasons).EscapeMarkup()}");
            }
        }
    }

    private static string State(ReassociationState state) => state switch
    {
        ReassociationState.Matched => "[green]matched[/]",
        ReassociationState.AmountMismatch => "[red]amount differs[/]",
        ReassociationState.RemittanceWithoutDeposit => "[yellow]835, no money yet[/]",
        _ => "[red]money, no 835[/]",
    };

    private static string Flag(string label, decimal amount) => amount == 0m ? label : $"[yellow]{label}[/]";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
