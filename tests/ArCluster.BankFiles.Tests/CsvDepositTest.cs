using static ArCluster.BankFiles.Tests.TestData.DepositText;

namespace ArCluster.BankFiles.Tests;

/// <summary>The house deposit CSV: what it accepts, and every kind of bad row, all reported at once.</summary>
public class CsvDepositTest
{
    private const string Header = "date,amount,method,reference,practice,account,payer";

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    [Fact]
    public void The_sample_CSV_is_read_in_full()
    {
        var file = Accepted(DepositFile.Read(SamplePath(SampleCsv)));

        Assert.Equal(DepositFileFormat.Csv, file.Format);
        Assert.Equal<BankDeposit>(
            [
                new BankDeposit("4387561290", "riverside", new DateOnly(2025, 3, 14), 1523.40m, DepositMethod.Ach, "883520915", "1411289245", null, 2),
                new BankDeposit("4387561290", "riverside", new DateOnly(2025, 3, 14), 4125.00m, DepositMethod.Check, "0004471", null, null, 3),
                new BankDeposit("0098812234", "riverside", new DateOnly(2025, 3, 17), 640.00m, DepositMethod.Check, "10093", null, null, 4),
                new BankDeposit(null, "riverside", new DateOnly(2025, 3, 17), 2334.15m, DepositMethod.Ach, "7700123456789", "1610647538", null, 5),
                new BankDeposit(null, "Lakeside Pediatrics, LLC", new DateOnly(2025, 3, 17), 75.50m, DepositMethod.Wire, "BCBS-0317, batch \"A\"", null, null, 6),
                new BankDeposit("5521009876", null, new DateOnly(2025, 3, 17), 12.00m, DepositMethod.Other, "INT0317", null, null, 7),
            ],
            file.Deposits);
        Assert.Equal(8710.05m, file.Total);
        Assert.Equal("75.50", file.Deposits[4].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        var text = Csv(
            "2025-03-17,10.00,CHECK,\"1001, \"\"A\"\"\",riverside,,",
            "2025-03-17,20.00,CHECK,\"1002\nsecond line\",riverside,,",
            "2025-03-17,30.00,CHECK,  \"1003\"  ,riverside,,");

        var file = Accepted(Read(text));

        Assert.Equal(["1001, \"A\"", "1002\nsecond line", "1003"], file.Deposits.Select(d => d.Reference));
        Assert.Equal([2, 3, 5], file.Deposits.Select(d => d.Line));
    }

    [Fact]
    public void Every_bad_row_is_listed_with_its_line_column_and_what_to_fix()
    {
        var text = Csv(
            "2025-03-17,10.00,ACH,GOOD1,riverside,,",
            "03/17/2025,10.00,ACH,R3,riverside,,",
            ",10.00,ACH,R4,riverside,,",
            "2025-03-17,12a4,ACH,R5,riverside,,",
            "2025-03-17,10.005,ACH,R6,riverside,,",
            "2025-03-17,0.00,ACH,R7,riverside,,",
            "2025-03-17,-5.00,ACH,R8,riverside,,",
            "2025-03-17,$10.00,ACH,R9,riverside,,",
            "2025-03-17,,ACH,R10,riverside,,",
            "2025-03-17,10.00,CASH,R11,riverside,,",
            "2025-03-17,10.00,,R12,riverside,,",
            "2025-03-17,10.00,ACH,,riverside,,",
            "2025-03-17,10.00,ACH,R14,,,",
            "2025-03-17,10.00,ACH,R15,riverside",
            "2025-03-17,10.00,ACH,R16,river\"side,,",
            "2025-03-17,10.00,ACH,\"R17\"x,riverside,,",
            "",
            "2025-03-17,10.00,ACH,GOOD2,riverside,,",
            "2025-13-01,1.234,WIRE?,,,,",
            "2025-03-17,10.00,ACH,\"R21,riverside,,");

        Assert.Equal(
            """
            line 3 (row): date '03/17/2025' is not a date in YYYY-MM-DD form (e.g. 2025-03-14)
            line 4 (row): date is required, as YYYY-MM-DD (e.g. 2025-03-14)
            line 5 (row): amount '12a4' is not a number: write digits with an optional '.' and up to 2 decimals, without '$' or thousands separators (e.g. 1234.56)
            line 6 (row): amount '10.005' has more than 2 decimal places; amounts are whole cents
            line 7 (row): amount '0.00' must be greater than zero: a deposit is money received
            line 8 (row): amount '-5.00' must be greater than zero: a deposit is money received
            line 9 (row): amount '$10.00' is not a number: write digits with an optional '.' and up to 2 decimals, without '$' or thousands separators (e.g. 1234.56)
            line 10 (row): amount is required, e.g. 1234.56
            line 11 (row): method 'CASH' is not ACH, CHECK (or CHK), WIRE or OTHER
            line 12 (row): method is required: ACH, CHECK (or CHK), WIRE or OTHER
            line 13 (row): reference is required: the EFT trace number (TRN02) or the check number
            line 14 (row): practice and account are both empty; give at least one so the deposit belongs to a practice
            line 15 (row): has 5 fields but the header has 7 columns; a value with a comma in it must be in double quotes ("a, b")
            line 16 (row): field 5 has a quote inside it; put the whole field in quotes and double the inner quote ("")
            line 17 (row): field 4 has text after its closing quote; put the whole field inside the quotes
            line 18 (row): blank line between rows; delete it (blank lines are allowed only at the end of the file)
            line 20 (row): date '2025-13-01' is not a date in YYYY-MM-DD form (e.g. 2025-03-14)
            line 20 (row): amount '1.234' has more than 2 decimal places; amounts are whole cents
            line 20 (row): method 'WIRE?' is not ACH, CHECK (or CHK), WIRE or OTHER
            line 20 (row): reference is required: the EFT trace number (TRN02) or the check number
            line 20 (row): practice and account are both empty; give at least one so the deposit belongs to a practice
            line 21 (row): the quoted field that starts on line 21 is never closed; add the closing quote
            """.ReplaceLineEndings("\n"),
            Errors(text));
    }

    [Fact]
    public void Each_error_names_its_column()
    {
        var errors = Rejected(Read(Csv("2025-03-17,12a4,ACH,R1,riverside,,", "2025-03-17,10.00,ACH,R2,,,"))).Errors;

        Assert.Equal(["amount", "practice"], errors.Select(e => e.Field));
    }

    [Fact]
    public void The_same_deposit_exported_twice_is_refused()
    {
        var text = Csv(
            "2025-03-17,1523.40,ACH,883520915,riverside,4387561290,",
            "2025-03-17,987.10,ACH,EFT2,riverside,4387561290,",
            "2025-03-17,1523.4,ach,883520915,riverside,4387561290,1411289245");

        Assert.Equal(
            "line 4 (row): same date, amount, reference, practice and account as line 2: the export probably ran twice; remove the repeated row",
            Errors(text));
    }

    [Fact]
    public void The_same_check_number_in_two_practices_accounts_is_two_deposits()
    {
        var file = Accepted(Read(Csv(
            "2025-03-17,100.00,CHECK,1001,riverside,,",
            "2025-03-17,100.00,CHECK,1001,lakeside,,",
            "2025-03-18,100.00,CHECK,1001,riverside,,")));

        Assert.Equal(3, file.Deposits.Length);
    }

    [Fact]
    public void Column_names_are_case_insensitive_in_any_order_and_optional_columns_may_be_left_out()
    {
        var file = Accepted(Read("Reference,ACCOUNT,Amount,Method,Date\r\n4471,4387561290,4125,Check,2025-03-14\r\n"));

        Assert.Equal(new BankDeposit("4387561290", null, new DateOnly(2025, 3, 14), 4125.00m, DepositMethod.Check, "4471", null, null, 2), Assert.Single(file.Deposits));
    }

    [Fact]
    public void Trailing_blank_lines_are_allowed()
    {
        Assert.Single(Accepted(Read(Csv("2025-03-17,10.00,ACH,R1,riverside,,") + "\n  \n\r\n")).Deposits);
    }

    [Fact]
    public void A_header_with_no_rows_is_a_day_without_deposits()
    {
        Assert.Empty(Accepted(Read(Header + "\n")).Deposits);
    }

    [Fact]
    public void A_header_missing_a_required_column_is_refused_before_any_row_is_read()
    {
        Assert.Equal(
            "line 1 (header): required column 'reference' is missing; the header needs date, amount, method, reference, and practice or account",
            Errors("date,amount,method,practice\n2025-03-17,10.00,ACH,riverside\n"));
    }

    [Fact]
    public void A_header_without_practice_or_account_is_refused()
    {
        Assert.Equal(
            "line 1 (header): the header needs a 'practice' or an 'account' column (or both) to say whose deposits these are",
            Errors("date,amount,method,reference\n2025-03-17,10.00,ACH,R1\n"));
    }

    [Fact]
    public void Unknown_and_repeated_columns_are_refused_so_a_misspelt_column_is_not_silently_dropped()
    {
        Assert.Equal(
            """
            line 1 (header): column 'amount' appears twice (columns 2 and 6)
            line 1 (header): unknown column 'payor'; the columns are date, amount, method, reference, practice, account, payer
            """.ReplaceLineEndings("\n"),
            Errors("date,amount,method,reference,practice,Amount,payor\n"));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal(
            "line 1 (file): the file is empty: expected a BAI2 file (starting with an '01,' record) or a CSV file with a header row (date, amount, method, reference, and practice or account)",
            Errors("\n \n"));
    }
}
