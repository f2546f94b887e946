using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// Reads a BAI2 file into deposits and checks it the way the BAI2 specification defines its envelopes:
/// 01 file header, 02 group header (one bank, one as-of date), 03 account identifier, 16 transaction
/// details, 49 account trailer, 98 group trailer, 99 file trailer, with 88 records continuing any of them.
/// <list type="bullet">
/// <item>A 49's account control total is the algebraic sum of every amount in the account's 03 record
/// (status balances and summaries alike) and its 16 records; its record count runs from the 03 to the 49.</item>
/// <item>A 98's group control total is the sum of its 49 totals; it counts the group's accounts, and its
/// records from the 02 to the 98.</item>
/// <item>A 99's file control total is the sum of the 98 totals; it counts the groups, and the records from
/// the 01 to the 99.</item>
/// </list>
/// Every record count includes 88 continuations. A file that fails any check is rejected whole: a bank
/// file that does not add up was truncated or altered, and a partial import would post money that
/// may not be there.
/// </summary>
internal sealed class Bai2DepositReader
{
    private readonly ErrorList _errors = new();
    private readonly List<BankDeposit> _deposits = [];
    private int? _headerLine;
    private int? _trailerLine;
    private bool _reportedAfterTrailer;
    private int _fileRecords;
    private int _groups;
    private decimal _groupTotals;
    private bool _groupTotalsReadable = true;
    private Group? _group;
    private Account? _account;

    public static DepositFileResult Read(IReadOnlyList<string> lines, string path)
    {
        var reader = new Bai2DepositReader();
        foreach (var record in Bai2Record.Assemble(lines, reader._errors))
        {
            reader.Take(record);
        }

        reader.End(LastLine(lines));
        return reader._errors.IsEmpty
            ? new AcceptedDepositFile(path, DepositFileFormat.Bai2, [.. reader._deposits])
            : new RejectedDepositFile(path, DepositFileFormat.Bai2, reader._errors.InLineOrder());
    }

    private void Take(Bai2Record record)
    {
        if (_trailerLine is { } trailer)
        {
            if (!_reportedAfterTrailer)
            {
                Error(record.Line, record.Label, $"record after the 99 file trailer on line {trailer}; a file ends at its trailer (were two files joined?)");
                _reportedAfterTrailer = true;
            }

            return;
        }

        var records = record.PhysicalRecords;
        _fileRecords += records;
        if (record.Code != "02" && _group is not null)
        {
            _group.Records += records;
        }

        if (record.Code is not ("02" or "03") && _account is not null)
        {
            _account.Records += records;
        }

        switch (record.Code)
        {
            case "01":
                FileHeader(record);
                break;
            case "02":
                GroupHeader(record);
                break;
            case "03":
                AccountIdentifier(record);
                break;
            case "16":
                TransactionDetail(record);
                break;
            case "49":
                AccountTrailer(record);
                break;
            case "98":
                GroupTrailer(record);
                break;
            case "99":
                FileTrailer(record);
                break;
            default:
                Error(record.Line, record.Label, $"'{record.Code}' is not a BAI2 record code (01, 02, 03, 16, 49, 88, 98, 99)");
                break;
        }
    }

    private void FileHeader(Bai2Record record)
    {
        if (_headerLine is { } first)
        {
            Error(record.Line, record.Label, $"a second file header (the first is on line {first}); were two files joined?");
            return;
        }

        _headerLine = record.Line;
        var split = Fields(record);
        var version = split[7];
        if (version.Value != "2")
        {
            Error(version.Line, record.Label, version.IsEmpty
                ? "version number is missing; a BAI2 file header ends with version number 2"
                : $"version number '{version.Value}' is not 2; only BAI2 (version 2) files are read", "version number");
        }
    }

    private void GroupHeader(Bai2Record record)
    {
        CloseUnfinishedAccount(record, "group header");
        if (_group is { } unfinished)
        {
            Error(record.Line, record.Label, $"the group that starts on line {unfinished.Line} has no 98 group trailer before this group header");
        }

        _groups++;
        var split = Fields(record);
        var status = split[2];
        if (status.Value != "1")
        {
            // Deletion, correction and test-only groups withdraw or restate data sent before (or never
            // real): their credits are not new money.
            Error(status.Line, record.Label, status.IsEmpty
                ? "group status is missing; it must be 1 (update)"
                : $"group status '{status.Value}' ({GroupStatusName(status.Value)}) is not 1 (update): deletion, correction and test groups do not report new deposits; ask the bank for the update report", "group status");
        }

        var date = split[3];
        DateOnly? asOf = null;
        if (Bai2Values.TryParseDate(date.Value, out var parsed))
        {
            asOf = parsed;
        }
        else
        {
            Error(date.Line, record.Label, date.IsEmpty ? "as-of date is missing" : $"as-of date '{date.Value}' is not a date in YYMMDD form", "as-of date");
        }

        _group = new Group(record.Line, asOf, OrNull(split[5].Value)) { Records = record.PhysicalRecords };
    }

    private void AccountIdentifier(Bai2Record record)
    {
        CloseUnfinishedAccount(record, "account identifier");
        if (_group is null)
        {
            Error(record.Line, record.Label, "account identifier outside a group: no 02 group header is open");
        }
        else
        {
            _group.Accounts++;
        }

        var split = Fields(record);
        var number = split[0];
        if (number.IsEmpty)
        {
            Error(number.Line, record.Label, "customer account number is missing", "account number");
        }

        var account = new Account(record.Line, number.Value, OrNull(split[1].Value)) { Records = record.PhysicalRecords };
        _account = account;

        // Then (type code, amount, item count, funds type and its fields) for each status or summary.
        for (var i = 2; i < split.Fields.Count; i += 4 + (Bai2FundsType.DetailFieldCount(split.Fields, i + 3) ?? 0))
        {
            var type = split[i];
            if (!type.IsEmpty && !Bai2Values.TryParseTypeCode(type.Value, out _))
            {
                Error(type.Line, record.Label, $"type code '{type.Value}' is not a three-digit BAI type code", "type code");
            }

            var amount = split[i + 1];
            if (!amount.IsEmpty)
            {
                if (Bai2Values.ParseAmount(amount.Value, out var cents) is { } problem)
                {
                    Error(amount.Line, record.Label, $"amount {problem}", "amount");
                    account.AmountsReadable = false;
                }
                else
                {
                    account.Cents += cents;
                }
            }

            var items = split[i + 2];
            if (!items.IsEmpty && !Bai2Values.TryParseCount(items.Value, out _))
            {
                Error(items.Line, record.Label, $"item count '{items.Value}' is not a whole number", "item count");
            }

            Bai2FundsType.Check(split, i + 3, record.Label, _errors);
        }
    }

    private void TransactionDetail(Bai2Record record)
    {
        if (_account is not { } account)
        {
            Error(record.Line, record.Label, "transaction detail outside an account: no 03 account identifier is open");
            return;
        }

        var detail = Bai2Detail.Parse(record, _errors);
        if (detail.AmountReadable)
        {
            account.Cents += detail.Cents;
        }
        else
        {
            account.AmountsReadable = false;
        }

        if (detail.TypeCode is { } code && Bai2TypeCodes.IsCredit(code)
            && Bai2Credit.ToDeposit(detail, code, account.Number, account.Currency ?? _group?.Currency, _group?.AsOfDate, _errors) is { } deposit)
        {
            _deposits.Add(deposit);
        }
    }

    private void AccountTrailer(Bai2Record record)
    {
        var split = Fields(record);
        var totalField = split[0];
        var countField = split[1];
        var totalRead = RequiredAmount(totalField, "account control total", record.Label, out var total);
        var countRead = RequiredCount(countField, "number of records", record.Label, out var count);
        if (_account is not { } account)
        {
            Error(record.Line, record.Label, "account trailer with no account open: no 03 account identifier before it");
        }
        else
        {
            if (totalRead && account.AmountsReadable && total != account.Cents)
            {
                Error(totalField.Line, record.Label,
                    $"account control total {Bai2Values.Describe(total)} does not match account {account.Name} (03 on line {account.Line}): its 03 and 16 amounts add up to {Bai2Values.Describe(account.Cents)}, off by {Cents.Format(total - account.Cents)}; the file is damaged or incomplete, ask the bank to send it again",
                    "account control total");
            }

            if (countRead && count != account.Records)
            {
                Error(countField.Line, record.Label,
                    $"number of records is {count} but account {account.Name} has {account.Records} (from its 03 on line {account.Line} to this 49, 88 continuations included)",
                    "number of records");
            }
        }

        if (_group is not null)
        {
            _group.AccountTotals += total;
            _group.AccountTotalsReadable &= totalRead;
        }

        _account = null;
    }

    private void GroupTrailer(Bai2Record record)
    {
        CloseUnfinishedAccount(record, "group trailer");
        var split = Fields(record);
        var totalField = split[0];
        var accountsField = split[1];
        var countField = split[2];
        var totalRead = RequiredAmount(totalField, "group control total", record.Label, out var total);
        var accountsRead = RequiredCount(accountsField, "number of accounts", record.Label, out var accounts);
        var countRead = RequiredCount(countField, "number of records", record.Label, out var count);
        if (_group is not { } group)
        {
            Error(record.Line, record.Label, "group trailer with no group open: no 02 group header before it");
        }
        else
        {
            if (totalRead && group.AccountTotalsReadable && total != group.AccountTotals)
            {
                Error(totalField.Line, record.Label,
                    $"group control total {Bai2Values.Describe(total)} does not match the group that starts on line {group.Line}: its 49 account control totals add up to {Bai2Values.Describe(group.AccountTotals)}, off by {Cents.Format(total - group.AccountTotals)}; the file is damaged or incomplete, ask the bank to send it again",
                    "group control total");
            }

            if (accountsRead && accounts != group.Accounts)
            {
                Error(accountsField.Line, record.Label,
                    $"number of accounts is {accounts} but the group that starts on line {group.Line} has {group.Accounts} (03 records)",
                    "number of accounts");
            }

            if (countRead && count != group.Records)
            {
                Error(countField.Line, record.Label,
                    $"number of records is {count} but the group that starts on line {group.Line} has {group.Records} (from its 02 to this 98, 88 continuations included)",
                    "number of records");
            }
        }

        _groupTotals += total;
        _groupTotalsReadable &= totalRead;
        _group = null;
    }

    private void FileTrailer(Bai2Record record)
    {
        CloseUnfinishedAccount(record, "file trailer");
        if (_group is { } unfinished)
        {
            Error(record.Line, record.Label, $"the group that starts on line {unfinished.Line} has no 98 group trailer before this file trailer");
            _group = null;
        }

        _trailerLine = record.Line;
        var split = Fields(record);
        var totalField = split[0];
        var groupsField = split[1];
        var countField = split[2];
        if (RequiredAmount(totalField, "file control total", record.Label, out var total) && _groupTotalsReadable && total != _groupTotals)
        {
            Error(totalField.Line, record.Label,
                $"file control total {Bai2Values.Describe(total)} does not match the file: its 98 group control totals add up to {Bai2Values.Describe(_groupTotals)}, off by {Cents.Format(total - _groupTotals)}; the file is damaged or incomplete, ask the bank to send it again",
                "file control total");
        }

        if (RequiredCount(groupsField, "number of groups", record.Label, out var groups) && groups != _groups)
        {
            Error(groupsField.Line, record.Label, $"number of groups is {groups} but the file has {_groups} (02 records)", "number of groups");
        }

        if (RequiredCount(countField, "number of records", record.Label, out var count) && count != _fileRecords)
        {
            Error(countField.Line, record.Label,
                $"number of records is {count} but the file has {_fileRecords} (from its 01 on line {_headerLine ?? 1} to this 99, 88 continuations included; blank lines are not records)",
                "number of records");
        }
    }

    private void End(int lastLine)
    {
        if (_trailerLine is not null)
        {
            return;
        }

        if (_account is { } account)
        {
            Error(lastLine, "file", $"account {account.Name} (03 on line {account.Line}) has no 49 account trailer");
        }

        if (_group is { } group)
        {
            Error(lastLine, "file", $"the group that starts on line {group.Line} has no 98 group trailer");
        }

        Error(lastLine, "file", "the file ends without a 99 file trailer: it is incomplete, ask the bank to send it again");
    }

    private void CloseUnfinishedAccount(Bai2Record record, string what)
    {
        if (_account is { } unfinished)
        {
            Error(record.Line, record.Label, $"account {unfinished.Name} (03 on line {unfinished.Line}) has no 49 account trailer before this {what}");
            _account = null;
        }
    }

    private Bai2Split Fields(Bai2Record record)
    {
        var split = record.Split();
        foreach (var stray in split.Stray)
        {
            Error(stray.Line, record.Label, $"'{stray.Value}' follows the '/' that ends the record; every record belongs on its own line");
        }

        return split;
    }

    private bool RequiredAmount(Bai2Field field, string name, string record, out long cents)
    {
        cents = 0;
        if (field.IsEmpty)
        {
            Error(field.Line, record, $"{name} is missing", name);
            return false;
        }

        if (Bai2Values.ParseAmount(field.Value, out cents) is { } problem)
        {
            Error(field.Line, record, $"{name} {problem}", name);
            return false;
        }

        return true;
    }

    private bool RequiredCount(Bai2Field field, string name, string record, out int count)
    {
        if (Bai2Values.TryParseCount(field.Value, out count))
        {
            return true;
        }

        Error(field.Line, record, field.IsEmpty ? $"{name} is missing" : $"{name} '{field.Value}' is not a whole number", name);
        return false;
    }

    private void Error(int line, string record, string message, string? field = null) => _errors.Add(line, record, message, field);

    private static string GroupStatusName(string status) => status switch
    {
        "2" => "deletion",
        "3" => "correction",
        "4" => "test only",
        _ => "not a BAI2 group status",
    };

    private static string? OrNull(string value) => value.Length == 0 ? null : value;

    private static int LastLine(IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private sealed class Group(int line, DateOnly? asOfDate, string? currency)
    {
        public int Line { get; } = line;

        public DateOnly? AsOfDate { get; } = asOfDate;

        public string? Currency { get; } = currency;

        public int Records { get; set; }

        public int Accounts { get; set; }

        public decimal AccountTotals { get; set; }

        public bool AccountTotalsReadable { get; set; } = true;
    }

    private sealed class Account(int line, string number, string? currency)
    {
        public int Line { get; } = line;

        public string Number { get; } = number;

        public string Name => Number.Length > 0 ? Number : "(no number)";

        public string? Currency { get; } = currency;

        public int Records { get; set; }

        public decimal Cents { get; set; }

        public bool AmountsReadable { get; set; } = true;
    }
}
