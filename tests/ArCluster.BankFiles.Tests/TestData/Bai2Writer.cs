using System.Collections.Immutable;
using System.Globalization;

namespace ArCluster.BankFiles.Tests.TestData;

/// <summary>A trailer the writer wrote: its line and record code (49, 98 or 99).</summary>
public sealed record TrailerLine(int Line, string Code);

/// <summary>Generated BAI2 as physical lines, and what reading it must give.</summary>
public sealed record WrittenFile(ImmutableArray<string> Lines, string NewLine, ImmutableArray<BankDeposit> Deposits, ImmutableArray<TrailerLine> Trailers)
{
    public string Text => string.Join(NewLine, Lines) + NewLine;

    public decimal Total => Deposits.Sum(d => d.Amount);

    /// <summary>The text with 1-based <paramref name="line"/> passed through <paramref name="change"/>.</summary>
    public string With(int line, Func<string, string> change) =>
        string.Join(NewLine, Lines.SetItem(line - 1, change(Lines[line - 1]))) + NewLine;
}

/// <summary>
/// Writes a <see cref="GeneratedFile"/> as BAI2 with trailers computed the way the specification defines
/// them — independently of the reader under test — and the deposits a correct reader must return.
/// </summary>
public sealed class Bai2Writer
{
    private static readonly string[] StatusCodes = ["010", "015", "040", "045", "100", "400"];

    private readonly List<string> _lines = [];
    private readonly List<BankDeposit> _deposits = [];
    private readonly List<TrailerLine> _trailers = [];
    private readonly bool _blankLines;
    private int _fileRecords;
    private int _groupRecords;
    private int _accountRecords;

    private Bai2Writer(bool blankLines) => _blankLines = blankLines;

    public static WrittenFile Write(GeneratedFile file)
    {
        var writer = new Bai2Writer(file.BlankLines);
        writer.WriteFile(file);
        return new WrittenFile([.. writer._lines], file.NewLine, [.. writer._deposits], [.. writer._trailers]);
    }

    private void WriteFile(GeneratedFile file)
    {
        Emit("01,SENDERBANK,RIVERSIDEMED,250317,0600,1,,,2/");
        long fileTotal = 0;
        foreach (var group in file.Groups)
        {
            fileTotal += WriteGroup(group);
        }

        Trailer("99", $"99,{fileTotal},{file.Groups.Length},{_fileRecords + 1}/");
    }

    private long WriteGroup(GeneratedGroup group)
    {
        _groupRecords = 0;
        Emit($"02,RIVERSIDEMED,SENDERBANK,1,{Date(group.AsOf)},2359,{(group.GroupCurrency ? "USD" : "")},2/");
        long groupTotal = 0;
        foreach (var account in group.Accounts)
        {
            groupTotal += WriteAccount(group, account);
        }

        Trailer("98", $"98,{groupTotal},{group.Accounts.Length},{_groupRecords + 1}/");
        return groupTotal;
    }

    private long WriteAccount(GeneratedGroup group, GeneratedAccount account)
    {
        _accountRecords = 0;
        var summaries = account.Balances.Select((b, i) => $"{StatusCodes[i % StatusCodes.Length]},{Signed(b, i)},,").ToArray();
        if (account.ContinueBalances && summaries.Length > 1)
        {
            Emit($"03,{account.Number},USD,{summaries[0]}/");
            Emit($"88,{string.Join(",", summaries[1..])}/");
        }
        else
        {
            Emit(summaries.Length == 0 ? $"03,{account.Number},USD/" : $"03,{account.Number},,{string.Join(",", summaries)}/");
        }

        var total = account.Balances.Sum();
        foreach (var detail in account.Details)
        {
            total += detail.Cents;
            var line = WriteDetail(detail);
            if (detail.Kind is not (DetailKind.Debit or DetailKind.NonMonetary))
            {
                _deposits.Add(Expected(group, account, detail, line));
            }
        }

        Trailer("49", $"49,{total},{_accountRecords + 1}/");
        return total;
    }

    private int WriteDetail(GeneratedDetail detail)
    {
        var amount = detail.Kind == DetailKind.NonMonetary ? "" : detail.Cents.ToString(CultureInfo.InvariantCulture);
        var head = $"16,{detail.TypeCode},{amount},{detail.Funds}";
        var references = $"{detail.BankReference},{detail.CustomerReference},";
        var text = detail.Text + (detail.TrailingSlash ? "/" : "");
        var cuts = detail.WrapPoints.Where(p => p < text.Length).Distinct().Order().ToList();
        var pieces = new List<string>();
        var start = 0;
        foreach (var cut in cuts)
        {
            pieces.Add(text[start..cut]);
            start = cut;
        }

        pieces.Add(text[start..]);

        int line;
        if (detail.BreakBeforeReferences)
        {
            line = Emit(head + "/");
            Emit("88," + references + pieces[0]);
        }
        else
        {
            line = Emit(head + "," + references + pieces[0]);
        }

        foreach (var piece in pieces.Skip(1))
        {
            Emit("88," + piece);
        }

        return line;
    }

    private static BankDeposit Expected(GeneratedGroup group, GeneratedAccount account, GeneratedDetail detail, int line)
    {
        var method = detail.Kind switch
        {
            DetailKind.AchWithTrn or DetailKind.AchWithoutTrn => DepositMethod.Ach,
            DetailKind.Check => DepositMethod.Check,
            DetailKind.Wire => DepositMethod.Wire,
            _ => DepositMethod.Other,
        };
        var reference = detail.Trace ?? (detail.CustomerReference.Length > 0 ? detail.CustomerReference : detail.BankReference);
        return new BankDeposit(
            account.Number,
            null,
            detail.ValueDate ?? group.AsOf,
            detail.Cents / 100m,
            method,
            reference,
            detail.PayerId,
            detail.BankReference.Length > 0 ? detail.BankReference : null,
            line);
    }

    private void Trailer(string code, string record) => _trailers.Add(new TrailerLine(Emit(record), code));

    private int Emit(string record)
    {
        // Blank lines are not records: they move line numbers but not record counts.
        if (_blankLines && _lines.Count % 4 == 3)
        {
            _lines.Add("");
        }

        _lines.Add(record);
        _fileRecords++;
        _groupRecords++;
        _accountRecords++;
        return _lines.Count;
    }

    // Banks write balances with and without a '+'.
    private static string Signed(long cents, int index) =>
        cents >= 0 && index % 2 == 1 ? "+" + cents.ToString(CultureInfo.InvariantCulture) : cents.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);
}
