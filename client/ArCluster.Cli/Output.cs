using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Abstractions.Practices;
using Spectre.Console;

namespace ArCluster.Cli;

/// <summary>Tables for people, JSON for scripts.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Errors go to standard error, so standard output holds only the result (pure JSON with --json);
    /// when redirected, a message stays on one line for logs and scripts.
    /// </summary>
    public static IAnsiConsole Errors { get; } = CreateErrorConsole();

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void WritePractice(PracticeView practice, bool asJson)
    {
        if (asJson)
        {
            WriteJson(practice);
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Practice[/]", Markup.Escape(practice.PracticeId));
        summary.AddRow("Name", Markup.Escape(practice.Name));
        summary.AddRow("NPI", practice.Npi);
        summary.AddRow("Tax id", practice.TaxId);
        summary.AddRow("Aging basis", practice.AgingBasis.ToString());
        summary.AddRow("Deposit accounts", practice.DepositAccounts.IsDefaultOrEmpty ? "[grey]none[/]" : string.Join(", ", practice.DepositAccounts.Select(MaskedAccount)));
        summary.AddRow("Version", practice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("Updated", practice.UpdatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(summary);

        var payers = new Table().AddColumns("Payer id", "Payer", "Kind", "Timely filing (days)");
        foreach (var payer in practice.Payers)
        {
            payers.AddRow(Markup.Escape(payer.PayerId), Markup.Escape(payer.Name), payer.Kind.ToString(),
                payer.TimelyFilingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(payers);
    }

    public static void WriteFeeSchedule(FeeScheduleView schedule, bool asJson)
    {
        if (asJson)
        {
            WriteJson(schedule);
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Fee schedule[/]", $"{Markup.Escape(schedule.PracticeId)}, payer {Markup.Escape(schedule.PayerId)}");
        summary.AddRow("Updated", Timestamp(schedule.UpdatedAt));
        AnsiConsole.Write(summary);
        if (schedule.Rates.IsDefaultOrEmpty)
        {
            AnsiConsole.MarkupLine("[grey]No rates: this payer has no fee schedule.[/]");
            return;
        }

        var rates = new Table().AddColumns("Code", "Modifier", "Allowed");
        Numeric(rates, 2);
        foreach (var rate in schedule.Rates)
        {
            rates.AddRow(Markup.Escape(rate.Code), Markup.Escape(rate.Modifier ?? string.Empty), Money(rate.Allowed));
        }

        AnsiConsole.Write(rates);
    }

    /// <summary>An account; people see the patient and guarantor as initials only, --json has the full record.</summary>
    public static void WriteAccount(AccountView account, bool asJson)
    {
        if (asJson)
        {
            WriteJson(account);
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Account[/]", Markup.Escape(account.AccountId));
        summary.AddRow("Practice", Markup.Escape(account.PracticeId));
        summary.AddRow("Patient", Markup.Escape(Initials(account.Patient)));
        summary.AddRow("Guarantor", Markup.Escape(Initials(account.Guarantor)));
        summary.AddRow("Version", Number(account.Version));
        summary.AddRow("Insurance balance", Money(account.InsuranceBalance));
        summary.AddRow("Patient balance", Money(account.PatientBalance));
        summary.AddRow("Unapplied credit", Money(account.UnappliedCredit));
        AnsiConsole.Write(summary);

        if (!account.Claims.IsDefaultOrEmpty)
        {
            var claims = new Table().Title("Claims").AddColumns("Claim", "Service", "Status", "Charge", "Insurance", "Patient", "Total");
            Keep(claims, 0, 1);
            Numeric(claims, 3, 4, 5, 6);
            foreach (var claim in account.Claims)
            {
                claims.AddRow(
                    Markup.Escape(claim.ClaimId), Date(claim.FirstServiceDate), Markup.Escape(claim.Status), Money(claim.TotalCharge),
                    Money(claim.Balance.Primary + claim.Balance.Secondary), Money(claim.Balance.Patient), Money(claim.Balance.Total));
            }

            AnsiConsole.Write(claims);
        }

        if (!account.Payments.IsDefaultOrEmpty)
        {
            var payments = new Table().Title("Patient payments").AddColumns("Payment", "Date", "Method", "Amount", "Applied", "Credit", "State");
            Keep(payments, 0, 1, 6);
            Numeric(payments, 3, 5);
            foreach (var payment in account.Payments)
            {
                payments.AddRow(
                    Markup.Escape(payment.PaymentId), Date(payment.PaymentDate), Name(payment.Method), Money(payment.Amount),
                    Markup.Escape(Applications(payment.Applications)), Money(payment.Credit), Markup.Escape(payment.State));
            }

            AnsiConsole.Write(payments);
        }

        AnsiConsole.Write(History(account.History));
    }

    /// <summary>A patient payment and where it went: the receipt of account pay and reverse-payment.</summary>
    public static void WritePatientPayment(PatientPaymentView payment, bool asJson)
    {
        if (asJson)
        {
            WriteJson(payment);
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Payment[/]", Markup.Escape(payment.PaymentId));
        summary.AddRow("Amount", Money(payment.Amount));
        summary.AddRow("Date", Date(payment.PaymentDate));
        summary.AddRow("Method", Name(payment.Method));
        summary.AddRow("Reference", Markup.Escape(payment.Reference ?? string.Empty));
        summary.AddRow("State", Markup.Escape(payment.State));
        summary.AddRow("Kept as account credit", Money(payment.Credit));
        AnsiConsole.Write(summary);

        if (payment.Applications.IsDefaultOrEmpty)
        {
            AnsiConsole.MarkupLine("[grey]Applied to no claim: the whole payment is account credit.[/]");
            return;
        }

        var applications = new Table().Title("Applied to claims").AddColumns("Claim", "Amount", "Reversed");
        Numeric(applications, 1);
        foreach (var application in payment.Applications)
        {
            applications.AddRow(Markup.Escape(application.ClaimId), Money(application.Amount), application.Reversed ? "yes" : "no");
        }

        AnsiConsole.Write(applications);
    }

    /// <summary>One account posting (a refund of credit): its id, version and entries.</summary>
    public static void WritePosting(PostingView posting, bool asJson)
    {
        if (asJson)
        {
            WriteJson(posting);
            return;
        }

        AnsiConsole.Write(PostingSummary(posting));
        AnsiConsole.Write(Entries(posting));
    }

    /// <summary>A claim: lines with balances by party, totals, status, then its history of postings and entries.</summary>
    public static void WriteClaim(ClaimView claim, bool asJson)
    {
        if (asJson)
        {
            WriteJson(claim);
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Claim[/]", Markup.Escape(claim.ClaimId));
        summary.AddRow("Practice", Markup.Escape(claim.PracticeId));
        summary.AddRow("Account", Markup.Escape(claim.AccountId));
        summary.AddRow("Status", $"[bold]{Markup.Escape(claim.Status)}[/]");
        summary.AddRow("Version", Number(claim.Version));
        summary.AddRow("Primary payer", Markup.Escape(claim.Primary?.PayerId ?? "none (self-pay)"));
        summary.AddRow("Secondary payer", Markup.Escape(claim.Secondary?.PayerId ?? "none"));
        summary.AddRow("Billing / rendering NPI", $"{Markup.Escape(claim.BillingNpi)} / {Markup.Escape(claim.RenderingNpi)}");
        summary.AddRow("Diagnoses", Markup.Escape(string.Join(", ", claim.Diagnoses)));
        AnsiConsole.Write(summary);

        var lines = new Table().Title("Lines and balances by party").AddColumns("Line", "Service", "Code", "Charge", "Primary", "Secondary", "Patient", "Total");
        Keep(lines, 1, 2);
        Numeric(lines, 0, 3, 4, 5, 6, 7);
        foreach (var line in claim.Lines)
        {
            var code = line.Modifiers.IsDefaultOrEmpty ? line.Code : $"{line.Code}-{string.Join('-', line.Modifiers)}";
            var units = line.Units == 1m ? string.Empty : $" x{line.Units.ToString(CultureInfo.InvariantCulture)}";
            lines.AddRow(
                Number(line.LineNumber), Date(line.ServiceDate), Markup.Escape(code + units), Money(line.Charge),
                Money(line.Balance.Primary), Money(line.Balance.Secondary), Money(line.Balance.Patient), Money(line.Balance.Total));
        }

        if (claim.ClaimLevelBalance is not { Primary: 0m, Secondary: 0m, Patient: 0m })
        {
            lines.AddRow(
                string.Empty, string.Empty, "claim-level", string.Empty, Money(claim.ClaimLevelBalance.Primary),
                Money(claim.ClaimLevelBalance.Secondary), Money(claim.ClaimLevelBalance.Patient), Money(claim.ClaimLevelBalance.Total));
        }

        lines.AddRow(
            string.Empty, string.Empty, "[bold]Claim[/]", $"[bold]{Money(claim.Totals.Charges)}[/]", $"[bold]{Money(claim.Balance.Primary)}[/]",
            $"[bold]{Money(claim.Balance.Secondary)}[/]", $"[bold]{Money(claim.Balance.Patient)}[/]", $"[bold]{Money(claim.Balance.Total)}[/]");
        AnsiConsole.Write(lines);

        var totals = new Table().Title("Totals").AddColumns("Charges", "Payer paid", "Patient paid", "Adjusted", "Refunded", "Balance");
        Numeric(totals, 0, 1, 2, 3, 4, 5);
        totals.AddRow(
            Money(claim.Totals.Charges), Money(claim.Totals.PayerPayments), Money(claim.Totals.PatientPayments),
            Money(claim.Totals.Adjustments), Money(claim.Totals.Refunds), Money(claim.Totals.Balance));
        AnsiConsole.Write(totals);
        AnsiConsole.Write(History(claim.History));
    }

    /// <summary>What a claim posting returns: the posting, its entries, the balances right after it and the status.</summary>
    public static void WriteReceipt(PostingReceipt receipt, bool asJson)
    {
        if (asJson)
        {
            WriteJson(receipt);
            return;
        }

        var summary = PostingSummary(receipt.Posting);
        summary.AddRow("Claim", $"{Markup.Escape(receipt.PracticeId)} / {Markup.Escape(receipt.ClaimId)}");
        summary.AddRow("Status after", $"[bold]{Markup.Escape(receipt.StatusAfter)}[/]");
        AnsiConsole.Write(summary);
        AnsiConsole.Write(Entries(receipt.Posting));

        var balance = new Table().Title("Balance after").AddColumns("Primary", "Secondary", "Patient", "Total");
        Numeric(balance, 0, 1, 2, 3);
        balance.AddRow(Money(receipt.BalanceAfter.Primary), Money(receipt.BalanceAfter.Secondary), Money(receipt.BalanceAfter.Patient), Money(receipt.BalanceAfter.Total));
        AnsiConsole.Write(balance);
    }

    private static Grid PostingSummary(PostingView posting)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Posting[/]", Markup.Escape(posting.PostingId));
        summary.AddRow("Operation", Markup.Escape(posting.Operation));
        summary.AddRow("Version", Number(posting.Version));
        summary.AddRow("Posted (UTC)", $"{Timestamp(posting.PostedAt)} by {Markup.Escape(posting.PostedBy)}");
        if (posting.Memo is { } memo)
        {
            summary.AddRow("Memo", Markup.Escape(memo));
        }

        return summary;
    }

    /// <summary>A posting's entries; an entry id is the posting id, '/', and the number shown.</summary>
    private static Table Entries(PostingView posting)
    {
        var table = new Table().Title("Entries").AddColumns("Entry", "Kind", "Line", "Party", "CAS", "Amount", "Effective");
        Keep(table, 0, 4, 6);
        Numeric(table, 2, 5);
        foreach (var entry in posting.Entries)
        {
            table.AddRow(
                Markup.Escape(EntryNumber(posting, entry)), Markup.Escape(Kind(entry)), Line(entry.LineNumber), Parties(entry),
                Markup.Escape(Cas(entry)), Money(entry.Amount), Date(entry.EffectiveDate));
        }

        if (posting.Entries.Length > 0)
        {
            table.Caption($"Entry id: {Markup.Escape(posting.PostingId)} and the number shown");
        }

        return table;
    }

    /// <summary>
    /// One row per posting (when it was posted, UTC, and by whom), then one row per entry it made
    /// (kind, CAS code, line and party; its effective date).
    /// </summary>
    private static Table History(ImmutableArray<PostingView> history)
    {
        var table = new Table().Title("History").AddColumns("Ver", "Posting / entry", "Operation / entry", "Amount", "Date", "By");
        Keep(table, 4);
        Numeric(table, 0, 3);
        foreach (var posting in history)
        {
            table.AddRow(
                Number(posting.Version), $"[bold]{Markup.Escape(posting.PostingId)}[/]", $"[bold]{Markup.Escape(Words(posting.Operation))}[/]",
                string.Empty, posting.PostedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(posting.PostedBy));
            foreach (var entry in posting.Entries)
            {
                var detail = string.Join(", ", new[] { $"{Kind(entry)} {Cas(entry)}".Trim(), entry.LineNumber is { } line ? $"line {Number(line)}" : "claim", Parties(entry) });
                table.AddRow(
                    string.Empty, Markup.Escape(EntryNumber(posting, entry)), Markup.Escape(detail), Money(entry.Amount), Date(entry.EffectiveDate), string.Empty);
            }
        }

        if (history.Any(p => p.Entries.Length > 0))
        {
            table.Caption("An entry's id is its posting's id, '/', and its number (claim reverse takes either).");
        }

        return table;
    }

    /// <summary>"/2" for the second entry of its posting, the whole id otherwise.</summary>
    private static string EntryNumber(PostingView posting, EntryView entry) =>
        entry.EntryId.StartsWith(posting.PostingId + "/", StringComparison.Ordinal) ? entry.EntryId[posting.PostingId.Length..] : entry.EntryId;

    private static string Kind(EntryView entry) => entry switch
    {
        { Kind: LedgerEntryKind.Reversal, Reverses: { } reversed } =>
            $"Reversal of {reversed}{(entry.ReversedKind is { } kind ? $" ({Words(kind.ToString())})" : string.Empty)}",
        _ => Words(entry.Kind.ToString()),
    };

    private static string Parties(EntryView entry) => entry.ToParty is { } to ? $"{Name(entry.Party)}→{Name(to)}" : Name(entry.Party);

    /// <summary>"PayerPayment" as "Payer payment".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));

    private static string Cas(EntryView entry) =>
        entry.AdjustmentGroup is { } group ? $"{group}-{entry.ReasonCode}" : entry.ReasonCode ?? string.Empty;

    private static string Applications(ImmutableArray<PaymentApplicationView> applications) =>
        string.Join(", ", applications.Select(a => $"{a.ClaimId} {Money(a.Amount)}{(a.Reversed ? " (reversed)" : string.Empty)}"));

    /// <summary>Bank account numbers are not for screens in full; --json has them for scripts.</summary>
    private static string MaskedAccount(string account) => account.Length <= 4 ? "••••" : $"••••{account[^4..]}";

    /// <summary>PHI minimization: "M. A." rather than the name; the date of birth is not shown at all.</summary>
    private static string Initials(PersonInfo person) => $"{Initial(person.FirstName)}. {Initial(person.LastName)}.";

    private static char Initial(string? name) => string.IsNullOrWhiteSpace(name) ? '?' : char.ToUpperInvariant(name.Trim()[0]);

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Line(int? line) => line is { } number ? Number(number) : string.Empty;

    private static string Date(DateOnly date) => date.ToString(OptionValues.DateFormat, CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>Amounts and counts: right-aligned and never broken over two lines.</summary>
    public static void Numeric(Table table, params int[] columns)
    {
        foreach (var column in columns)
        {
            table.Columns[column].Alignment = Justify.Right;
            table.Columns[column].NoWrap = true;
        }
    }

    /// <summary>Dates and codes: never broken over two lines; free text gives way instead.</summary>
    private static void Keep(Table table, params int[] columns)
    {
        foreach (var column in columns)
        {
            table.Columns[column].NoWrap = true;
        }
    }

    private static IAnsiConsole CreateErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
