using System.Globalization;
using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles.Csv;

/// <summary>
/// Reads the house deposit CSV: a header row naming the columns, then one deposit per row. Every bad row
/// is reported (line, column, what to fix) and any one rejects the file: a file with a bad row may be
/// misaligned or cut short, and posting the good part would leave the rest to be forgotten.
/// </summary>
internal static class CsvDepositReader
{
    private const string Row = "row";

    public static DepositFileResult Read(string text, string path)
    {
        var errors = new ErrorList();
        var deposits = new List<BankDeposit>();
        var rows = CsvTokenizer.Rows(text);
        var first = rows.FindIndex(r => !r.IsBlank);
        if (first < 0)
        {
            errors.Add(1, "file", "the file is empty: expected a BAI2 file (starting with an '01,' record) or a CSV file with a header row (date, amount, method, reference, and practice or account)");
            return Rejected(path, errors);
        }

        if (CsvColumns.Parse(rows[first], errors) is not { } columns)
        {
            return Rejected(path, errors);
        }

        var last = rows.FindLastIndex(r => !r.IsBlank);
        var seen = new Dictionary<DuplicateKey, int>();
        for (var i = first + 1; i <= last; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                errors.Add(row.Line, Row, "blank line between rows; delete it (blank lines are allowed only at the end of the file)");
                continue;
            }

            if (Deposit(row, columns, errors) is not { } deposit)
            {
                continue;
            }

            var key = new DuplicateKey(deposit.Reference, deposit.Amount, deposit.DepositDate, deposit.BankAccount, deposit.PracticeId);
            if (seen.TryGetValue(key, out var earlier))
            {
                errors.Add(row.Line, Row, $"same date, amount, reference, practice and account as line {earlier}: the export probably ran twice; remove the repeated row");
                continue;
            }

            seen.Add(key, row.Line);
            deposits.Add(deposit);
        }

        return errors.IsEmpty ? new AcceptedDepositFile(path, DepositFileFormat.Csv, [.. deposits]) : Rejected(path, errors);
    }

    private static BankDeposit? Deposit(CsvRow row, CsvColumns columns, ErrorList errors)
    {
        if (row.Problem is { } problem)
        {
            errors.Add(row.Line, Row, problem);
            return null;
        }

        if (row.Fields.Count != columns.Count)
        {
            errors.Add(row.Line, Row, $"has {row.Fields.Count} fields but the header has {columns.Count} columns; a value with a comma in it must be in double quotes (\"a, b\")");
            return null;
        }

        var sound = true;
        void Problem(string column, string message)
        {
            errors.Add(row.Line, Row, message, column);
            sound = false;
        }

        var dateText = Field(row, columns.Date);
        var date = default(DateOnly);
        if (dateText.Length == 0)
        {
            Problem("date", "date is required, as YYYY-MM-DD (e.g. 2025-03-14)");
        }
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            Problem("date", $"date '{dateText}' is not a date in YYYY-MM-DD form (e.g. 2025-03-14)");
        }

        var amountText = Field(row, columns.Amount);
        var cents = 0L;
        if (amountText.Length == 0)
        {
            Problem("amount", "amount is required, e.g. 1234.56");
        }
        else if (CsvAmount.Parse(amountText, out cents) is { } amountProblem)
        {
            Problem("amount", $"amount {amountProblem}");
        }

        var methodText = Field(row, columns.Method);
        var method = Method(methodText);
        if (method is null)
        {
            Problem("method", methodText.Length == 0
                ? "method is required: ACH, CHECK (or CHK), WIRE or OTHER"
                : $"method '{methodText}' is not ACH, CHECK (or CHK), WIRE or OTHER");
        }

        var reference = Field(row, columns.Reference);
        if (reference.Length == 0)
        {
            Problem("reference", "reference is required: the EFT trace number (TRN02) or the check number");
        }

        var practice = OptionalField(row, columns.Practice);
        var account = OptionalField(row, columns.Account);
        if (practice is null && account is null)
        {
            Problem(columns.Practice is null ? "account" : "practice", "practice and account are both empty; give at least one so the deposit belongs to a practice");
        }

        return sound
            ? new BankDeposit(account, practice, date, Cents.ToDollars(cents), method!.Value, reference, OptionalField(row, columns.Payer), BankReference: null, row.Line)
            : null;
    }

    private static DepositMethod? Method(string text) => text.ToUpperInvariant() switch
    {
        "ACH" => DepositMethod.Ach,
        "CHECK" or "CHK" => DepositMethod.Check,
        "WIRE" => DepositMethod.Wire,
        "OTHER" => DepositMethod.Other,
        _ => null,
    };

    private static string Field(CsvRow row, int column) => row.Fields[column].Trim();

    private static string? OptionalField(CsvRow row, int? column) =>
        column is { } i && Field(row, i) is { Length: > 0 } value ? value : null;

    private static RejectedDepositFile Rejected(string path, ErrorList errors) => new(path, DepositFileFormat.Csv, errors.InLineOrder());

    // Two rows alike in all of these are one deposit exported twice, not two deposits.
    private readonly record struct DuplicateKey(string Reference, decimal Amount, DateOnly Date, string? Account, string? Practice);
}
