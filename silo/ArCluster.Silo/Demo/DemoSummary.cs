using System.Globalization;
using ArCluster.Abstractions.Aging;
using ArCluster.Abstractions.Worklists;
using ArCluster.Simulation;
using ArCluster.Abstractions.Deposits;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Abstractions.Remittances;
using ArCluster.Client;
using ArCluster.Domain;
using ArCluster.Domain.Metrics;
using Spectre.Console;

namespace ArCluster.Silo.Demo;

/// <summary>
/// What a supervisor would look at after the day's posting, each figure from ArCluster's live
/// totals, with the simulator's independent expectation beside it.
/// </summary>
internal static class DemoSummary
{
    public static async Task WriteAsync(DemoResult result, ArClusterClientOptions connection, CancellationToken cancellationToken)
    {
        await using var client = await ArClusterClient.ConnectAsync(connection with { User = "demo.supervisor" }, cancellationToken);
        var expected = result.Files.Expectations;
        var practices = result.Simulation.Practices;
        var views = new List<(string Practice, ReconciliationView View, ReassociationView Cash)>();
        foreach (var practice in practices)
        {
            views.Add((practice.PracticeId,
                await client.Reconciliation.GetAsync(practice.PracticeId, DateOnly.MinValue, DateOnly.MaxValue),
                await client.Reconciliation.ReassociationAsync(practice.PracticeId, unmatchedOnly: false)));
        }

        var company = await client.Reconciliation.GetCompanyAsync(DateOnly.MinValue, DateOnly.MaxValue);
        WritePosting(result);
        WriteReconciliation(views, company, expected);
        WriteReassociation(views, expected);
        WriteMetrics(result, company.Totals, expected);
        await WriteAgingAsync(client, result, company.Totals);
        await WriteWorklistsAsync(client, result, expected.Total);
    }

    private static void WritePosting(DemoResult result)
    {
        var transactions = result.Transactions.ToArray();
        int Outcome(RemittanceOutcome outcome) => transactions.Count(t => t.Outcome == outcome);
        int Deposits(DepositOutcome outcome) => result.DepositReceipts.Count(d => d.Outcome == outcome);
        var table = new Table().Title("[bold]Posted[/]").AddColumns("", "").HideHeaders();
        table.AddRow("835 transactions", $"{Outcome(RemittanceOutcome.Posted):N0} posted, {Outcome(RemittanceOutcome.AlreadyPosted):N0} already posted, {Outcome(RemittanceOutcome.Rejected) + Outcome(RemittanceOutcome.PossibleDuplicate):N0} refused");
        table.AddRow("Claim payments posted", $"{transactions.Sum(t => t.ClaimsPosted):N0}, of which {transactions.Sum(t => t.Denials.Length):N0} denials and {transactions.Sum(t => t.Reversals):N0} reversals");
        table.AddRow("Unapplied (claim not on file)", $"{transactions.Sum(t => t.Unapplied.Length):N0} ({Money(transactions.Sum(t => t.Unapplied.Sum(u => u.Paid)))})");
        table.AddRow("Forwarded to a secondary payer", $"{transactions.Sum(t => t.Forwarded.Length):N0}");
        table.AddRow("Provider adjustments (PLB)", $"{transactions.Sum(t => t.ProviderAdjustments.Length):N0} ({Money(transactions.Sum(t => t.ProviderAdjustments.Sum(p => p.Amount)))})");
        table.AddRow("Underpaid lines (below fee schedule)", $"{transactions.Sum(t => t.Underpayments.Length):N0}");
        table.AddRow("Bank deposits", $"{Deposits(DepositOutcome.Recorded):N0} recorded, {Deposits(DepositOutcome.AlreadyRecorded):N0} already recorded, {Deposits(DepositOutcome.Rejected):N0} refused");
        AnsiConsole.Write(table);
    }

    private static void WriteReconciliation(List<(string Practice, ReconciliationView View, ReassociationView Cash)> views, ReconciliationView company, Simulation.Expectations expected)
    {
        var table = new Table().Title("[bold]Reconciliation[/] (live totals, every day)")
            .AddColumns("Practice", "Charges", "Payer paid", "CO written off", "PR to patient", "PLB", "835 totals", "Deposits", "Deposit var.", "Posting var.");
        foreach (var column in table.Columns.Skip(1))
        {
            column.Alignment = Justify.Right;
        }

        void Row(string name, ReconciliationFiguresView t) => table.AddRow(
            name, Money(t.Charges), Money(t.PayerPayments), Money(t.AdjustmentsByGroup.GetValueOrDefault("CO")), Money(t.TransfersByParty.GetValueOrDefault("Patient")),
            Money(t.ProviderAdjustments), Money(t.RemittanceAdvices), Money(t.Deposits), Money(t.DepositVariance), Money(t.PostingVariance));
        foreach (var (practice, view, _) in views)
        {
            Row(practice, view.Totals);
        }

        Row("[bold]company[/]", company.Totals);
        var total = expected.Total;
        table.AddRow("[grey]simulator expects[/]", Grey(total.Charges), Grey(total.PayerPayments), "", "", Grey(total.ProviderAdjustments), Grey(total.RemittanceTotal),
            Grey(total.DepositTotal), Grey(total.DepositTotal - total.RemittanceTotal), Grey(total.UnappliedPayments));
        AnsiConsole.Write(table);
        var matches = company.Totals.Charges == total.Charges && company.Totals.PayerPayments == total.PayerPayments
            && company.Totals.RemittanceAdvices == total.RemittanceTotal && company.Totals.Deposits == total.DepositTotal;
        AnsiConsole.MarkupLine(matches
            ? "[green]✓[/] charges, payer payments, 835 totals and deposits equal the simulator's to the cent; arctl verify: every total equals the journal"
            : "[red]✗ the live totals differ from the simulator's expectation[/]");
    }

    private static void WriteReassociation(List<(string Practice, ReconciliationView View, ReassociationView Cash)> views, Simulation.Expectations expected)
    {
        var table = new Table().Title("[bold]Reassociation[/]: 835s matched with the money that arrived")
            .AddColumns("Practice", "Matched", "Amount differs", "835, no money yet", "Money, no 835");
        foreach (var column in table.Columns.Skip(1))
        {
            column.Alignment = Justify.Right;
        }

        foreach (var (practice, _, cash) in views)
        {
            var e = expected.For(practice).Reassociation;
            table.AddRow(practice, Pair(cash.Matched, e.Matched), Pair(cash.AmountMismatches, e.AmountMismatch),
                Pair(cash.RemittancesWithoutDeposit, e.RemittanceWithoutDeposit), Pair(cash.DepositsWithoutRemittance, e.DepositWithoutRemittance));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Each cell: ArCluster (simulator). Details: arctl recon unmatched PRACTICE[/]");
    }

    private static void WriteMetrics(DemoResult result, ReconciliationFiguresView totals, Simulation.Expectations expected)
    {
        var denied = result.Transactions.Sum(t => t.FirstPassDenials);
        var adjudicated = result.Transactions.Sum(t => t.FirstAdjudications);
        var denialRate = RevenueCycleMetrics.DenialRate(denied, adjudicated);
        var ar = TotalAr(totals);
        var options = result.Simulation.Options;
        var daysInAr = RevenueCycleMetrics.DaysInAr(ar, Domain.Money.Of(totals.Charges), options.Days);
        var collected = Domain.Money.Of(totals.PayerPayments + totals.PatientPayments);
        var netCollection = RevenueCycleMetrics.NetCollectionRate(collected, Domain.Money.Of(totals.Charges), Domain.Money.Of(totals.AdjustmentsByGroup.GetValueOrDefault("CO")));
        var total = expected.Total;

        var table = new Table().Title("[bold]Revenue-cycle figures[/]").AddColumns("Figure", "Value", "How", "Simulator");
        table.Columns[1].Alignment = Justify.Right;
        table.AddRow("Denial rate", Percent(denialRate), $"{denied:N0} denied of {adjudicated:N0} first adjudications", Percent(RevenueCycleMetrics.DenialRate(total.ClaimsDenied, total.ClaimsAdjudicated)));
        table.AddRow("Total AR", Money(ar.Amount), "charges − payments − adjustments + refunds", Money(total.Charges - total.PayerPayments - total.ContractualAdjustments));
        table.AddRow("Days in AR", daysInAr?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–", $"AR ÷ ({Money(totals.Charges)} ÷ {options.Days} days)", "");
        table.AddRow("Net collection rate", Percent(netCollection), "payments ÷ (charges − CO); patient statements not yet sent", "");
        AnsiConsole.Write(table);
    }

    /// <summary>
    /// The company's AR aging at the end of the simulated period, from the aging consumers (caught up
    /// with the journal and verified first), and the check that its buckets foot to total AR above.
    /// </summary>
    private static async Task WriteAgingAsync(ArClusterClient client, DemoResult result, ReconciliationFiguresView totals)
    {
        foreach (var practice in result.Simulation.Practices)
        {
            var verified = await client.Aging.VerifyAsync(practice.PracticeId);
            if (!verified.Clean)
            {
                AnsiConsole.MarkupLine($"[red]✗ aging of {practice.PracticeId.EscapeMarkup()} differs from the journal on {verified.Mismatches.Length} balances[/]");
            }
        }

        var options = result.Simulation.Options;
        var aging = await client.Aging.GetCompanyAsync(options.Start.AddDays(options.Days));
        var table = new Table().Title($"[bold]AR aging[/] (company, as of {aging.AsOf:yyyy-MM-dd})").AddColumn("Owed by").AddColumns([.. AgingView.BucketLabels]).AddColumn("Total");
        foreach (var column in table.Columns.Skip(1))
        {
            column.Alignment = Justify.Right;
        }

        void Row(string name, IEnumerable<decimal> buckets, decimal total) => table.AddRow([name, .. buckets.Select(Money), Money(total)]);
        foreach (var payer in aging.Payers)
        {
            Row(payer.Name.EscapeMarkup(), payer.Buckets, payer.Total);
        }

        Row("Patient", aging.Patient.Buckets, aging.Patient.Total);
        if (aging.UnappliedPatientCredit != 0m)
        {
            table.AddRow(["Unapplied patient credit", .. aging.BucketTotals.Select(_ => ""), Money(aging.UnappliedPatientCredit)]);
        }

        foreach (var practice in aging.Practices)
        {
            Row($"[grey]{practice.PracticeId.EscapeMarkup()}[/]", practice.Buckets, practice.TotalAr);
        }

        Row("[bold]Total[/]", aging.BucketTotals, aging.TotalAr);
        AnsiConsole.Write(table);
        var difference = aging.BucketTotals.Sum() + aging.UnappliedPatientCredit - TotalAr(totals).Amount;
        AnsiConsole.MarkupLine(difference == 0m
            ? "[green]✓[/] aging buckets sum to total AR to the cent"
            : $"[red]✗ aging buckets differ from total AR by {Money(difference)}[/]");
    }

    /// <summary>
    /// What the claims and remittances left for billers, per practice, as of today: the claims were
    /// entered months after their visits, so their follow-up came due as they were opened. The
    /// unapplied payments listed must be the 835 money the simulator sent for claims not on file.
    /// </summary>
    private static async Task WriteWorklistsAsync(ArClusterClient client, DemoResult result, PracticeExpectations expected)
    {
        var practices = result.Simulation.Practices.Select(p => p.PracticeId).ToArray();
        var summaries = new List<WorklistSummaryView>();
        foreach (var practice in practices)
        {
            summaries.Add(await client.Worklists.SummaryAsync(practice));
        }

        var table = new Table().Title("[bold]Worklists[/] (open items, amount; escalated)").AddColumn("List");
        foreach (var practice in practices)
        {
            table.AddColumn(new TableColumn(practice.EscapeMarkup()).RightAligned());
        }

        foreach (var kind in Enum.GetValues<WorklistItemKind>())
        {
            table.AddRow([kind.ToString(), .. summaries.Select(s => s.Kinds.Single(k => k.Kind == kind)).Select(k => $"{k.Open:N0}  {Money(k.Amount)}{(k.Escalated > 0 ? $"  [yellow]{k.Escalated:N0}![/]" : "")}")]);
        }

        AnsiConsole.Write(table);
        decimal Listed(WorklistItemKind kind) => summaries.Sum(s => s.Kinds.Single(k => k.Kind == kind).Amount);
        var unapplied = Listed(WorklistItemKind.UnappliedPayment);
        AnsiConsole.MarkupLine(unapplied == expected.UnappliedPayments
            ? $"[green]✓[/] unapplied payments on the worklists ({Money(unapplied)}) equal the simulator's payments for claims not on file"
            : $"[red]✗ unapplied payments on the worklists are {Money(unapplied)}, the simulator's {Money(expected.UnappliedPayments)}[/]");
        var underpaid = Listed(WorklistItemKind.Underpayment);
        AnsiConsole.MarkupLine(underpaid == expected.Underpaid
            ? $"[green]✓[/] underpayments on the worklists ({Money(underpaid)}) equal the simulator's shortfall below the fee schedules"
            : $"[yellow]underpayments on the worklists are {Money(underpaid)}, the simulator's shortfall {Money(expected.Underpaid)}[/]");
    }

    /// <summary>Charges − payments − adjustments + refunds: what is still owed, by the ledger.</summary>
    private static Domain.Money TotalAr(ReconciliationFiguresView totals) =>
        Domain.Money.Of(totals.Charges - totals.PayerPayments - totals.PatientPayments - totals.Adjustments + totals.Refunds);

    /// <summary>The cluster stays up: what to try next, from a second terminal.</summary>
    public static void WriteNextSteps(SiloSettings settings, string firstPractice)
    {
        AnsiConsole.Write(new Rule("[bold]The cluster is up[/]").LeftJustified());
        AnsiConsole.MarkupLine($"Health: [blue]http://{settings.AdvertisedAddress}:{settings.HealthPort}/health[/]. In another terminal (arctl = dotnet run --project client/ArCluster.Cli --):");
        AnsiConsole.MarkupLine("  arctl recon show                          [grey]# the company's figures; add a practice id for one practice, --day D for a day[/]");
        AnsiConsole.MarkupLine("  arctl recon unmatched                     [grey]# 835s without money, money without 835s, amounts that differ[/]");
        AnsiConsole.MarkupLine("  arctl verify                              [grey]# every practice's totals against the journal[/]");
        AnsiConsole.MarkupLine("  arctl aging                               [grey]# AR aging by payer and patient, a row per practice; add a practice id, --as-of D[/]");
        AnsiConsole.MarkupLine($"  arctl worklist {firstPractice}             [grey]# follow-up, denials, underpayments, timely filing, unapplied money; then note|assign|appeal|write-off ...[/]");
        AnsiConsole.MarkupLine($"  arctl worklist denials {firstPractice}     [grey]# open denials by payer and CARC, with the first appeal deadline[/]");
        AnsiConsole.MarkupLine($"  arctl recon show {firstPractice} --json  [grey]# one practice, for scripts[/]");
        AnsiConsole.MarkupLine("Ctrl+C stops the silo (and the embedded PostgreSQL); its data stays for the next start.");
    }

    private static string Pair(int actual, int expected) => actual == expected ? $"{actual:N0} [grey]({expected:N0})[/]" : $"[yellow]{actual:N0}[/] [grey]({expected:N0})[/]";

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    private static string Grey(decimal amount) => $"[grey]{Money(amount)}[/]";

    private static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "–";
}
