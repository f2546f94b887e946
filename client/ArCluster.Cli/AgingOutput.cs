using System.Globalization;
using ArCluster.Abstractions.Aging;
using Spectre.Console;

namespace ArCluster.Cli;

/// <summary>AR aging: a table by payer and patient for supervisors, JSON for scripts.</summary>
internal static class AgingOutput
{
    public static void Write(AgingView view, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(view);
            return;
        }

        var basis = view.Basis is { } b ? $", aged from {(b == Abstractions.Practices.AgingBasis.Submission ? "submission" : "date of service")}" : string.Empty;
        var table = new Table().Title($"[bold]AR aging — {view.Scope.EscapeMarkup()}[/], as of {view.AsOf.ToString(OptionValues.DateFormat, CultureInfo.InvariantCulture)}{basis}")
            .AddColumn("Owed by").AddColumns([.. AgingView.BucketLabels]).AddColumns("Total", "Claims");
        Output.Numeric(table, 1, 2, 3, 4, 5, 6, 7);
        foreach (var payer in view.Payers)
        {
            Row(table, $"{payer.Name.EscapeMarkup()} [grey]{(payer.PayerId ?? string.Empty).EscapeMarkup()}[/]", payer);
        }

        Row(table, "Patient", view.Patient);
        if (view.UnappliedPatientCredit != 0m)
        {
            table.AddRow(["Unapplied patient credit", .. AgingView.BucketLabels.Select(_ => string.Empty), Output.Money(view.UnappliedPatientCredit), string.Empty]);
        }

        table.AddRow(["[bold]Total[/]", .. view.BucketTotals.Select(Output.Money), $"[bold]{Output.Money(view.TotalAr)}[/]", Count(view.OpenClaims)]);
        AnsiConsole.Write(table);

        if (!view.Practices.IsDefaultOrEmpty)
        {
            var practices = new Table().Title("By practice").AddColumn("Practice").AddColumns([.. AgingView.BucketLabels])
                .AddColumns("Unapplied", "Total AR", "Claims", "Days in AR", "Net coll.");
            Output.Numeric(practices, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            foreach (var p in view.Practices)
            {
                practices.AddRow([p.PracticeId.EscapeMarkup(), .. p.Buckets.Select(Output.Money), Output.Money(p.UnappliedPatientCredit), Output.Money(p.TotalAr),
                    Count(p.OpenClaims), Days(p.DaysInAr), Percent(p.NetCollectionRate)]);
            }

            AnsiConsole.Write(practices);
        }

        var k = view.Kpis;
        AnsiConsole.MarkupLine(
            $"Total AR [bold]{Output.Money(view.TotalAr)}[/] · days in AR [bold]{Days(k.DaysInAr)}[/] · net collection rate [bold]{Percent(k.NetCollectionRate)}[/] " +
            $"[grey](last {k.Days} days: charges {Output.Money(k.Charges)}, payments {Output.Money(k.Payments)}, CO {Output.Money(k.ContractualAdjustments)})[/]");
        if (view.CreditBalances != 0m)
        {
            AnsiConsole.MarkupLine($"[grey]Credit balances on claims, included in their buckets: {Output.Money(view.CreditBalances)}[/]");
        }
    }

    private static void Row(Table table, string name, AgingRowView row) =>
        table.AddRow([name, .. row.Buckets.Select(Output.Money), Output.Money(row.Total), Count(row.Claims)]);

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Days(decimal? days) => days?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–";

    private static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "–";
}
