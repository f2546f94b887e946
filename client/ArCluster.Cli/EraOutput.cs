using System.Globalization;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using Spectre.Console;

namespace ArCluster.Cli;

/// <summary>The per-file report of 835 ingestion: totals a poster checks against the check or EFT, then what needs work.</summary>
internal static class EraOutput
{
    public static void WriteReports(IReadOnlyList<RemittanceFileReport> reports, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(reports);
            return;
        }

        foreach (var report in reports)
        {
            WriteFile(report);
        }
    }

    private static void WriteFile(RemittanceFileReport file)
    {
        var transactions = file.Transactions;
        var posted = transactions.Where(t => t.Outcome is RemittanceOutcome.Posted or RemittanceOutcome.AlreadyPosted).ToArray();
        var summary = new Table().Title($"[bold]{file.File.EscapeMarkup()}[/] ({file.Bytes:N0} bytes)").AddColumns("", "").HideHeaders();
        summary.AddRow("Transactions", $"{Count(transactions, RemittanceOutcome.Posted)} posted, {Count(transactions, RemittanceOutcome.AlreadyPosted)} already posted, " +
            $"{Count(transactions, RemittanceOutcome.PossibleDuplicate)} possible duplicates, {Count(transactions, RemittanceOutcome.Rejected)} rejected");
        summary.AddRow("Claims posted", posted.Sum(t => t.ClaimsPosted).ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Paid", Money(posted.Sum(t => t.Paid)));
        foreach (var group in posted.SelectMany(t => t.AdjustedByGroup).GroupBy(kv => kv.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            summary.AddRow($"Adjusted {group.Key}", Money(group.Sum(kv => kv.Value)));
        }

        summary.AddRow("Patient responsibility (PR)", Money(posted.Sum(t => t.PatientResponsibility)));
        summary.AddRow("Denials", posted.Sum(t => t.Denials.Length).ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Reversals", posted.Sum(t => t.Reversals).ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Unmatched claim payments", $"{posted.Sum(t => t.Unapplied.Length)} ({Money(posted.Sum(t => t.Unapplied.Sum(u => u.Paid)))})");
        summary.AddRow("Provider adjustments (PLB)", $"{posted.Sum(t => t.ProviderAdjustments.Length)} ({Money(posted.Sum(t => t.ProviderAdjustments.Sum(p => p.Amount)))})");
        summary.AddRow("Underpayments", posted.Sum(t => t.Underpayments.Length).ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(summary);

        Detail("Rejected or flagged — nothing of these was posted", ["Transaction", "Payer / trace", "Reason"],
            transactions.Where(t => t.Outcome is RemittanceOutcome.Rejected or RemittanceOutcome.PossibleDuplicate)
                .SelectMany(t => t.Reasons.Select(r => new[] { t.ControlNumber, $"{t.PayerId} / {t.TraceNumber}", r })));
        Detail("Denials", ["Claim", "Charge", "Reasons", "Remarks"],
            posted.SelectMany(t => t.Denials).Select(d => new[] { d.ClaimId, Money(d.Charge), string.Join(", ", d.Reasons), string.Join(", ", d.Remarks) }));
        Detail("Unmatched — kept with their amounts; post them with the claims entered", ["Claim", "Status", "Charge", "Paid", "Why"],
            posted.SelectMany(t => t.Unapplied).Select(u => new[] { u.ClaimId, u.Status, Money(u.Charge), Money(u.Paid), u.Reason }));
        Detail("Underpayments (allowed below the fee schedule)", ["Claim", "Code", "Allowed", "Expected"],
            posted.SelectMany(t => t.Underpayments).Select(u => new[] { u.ClaimId, u.Code, Money(u.Allowed), Money(u.Expected) }));
    }

    private static void Detail(string title, string[] columns, IEnumerable<string[]> rows)
    {
        var all = rows.ToArray();
        if (all.Length == 0)
        {
            return;
        }

        var table = new Table().Title(title).AddColumns(columns);
        foreach (var row in all)
        {
            table.AddRow([.. row.Select(cell => cell.EscapeMarkup())]);
        }

        AnsiConsole.Write(table);
    }

    private static int Count(IEnumerable<RemittanceReport> transactions, RemittanceOutcome outcome) => transactions.Count(t => t.Outcome == outcome);

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
