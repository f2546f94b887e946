using static ArCluster.BankFiles.Tests.TestData.DepositText;

namespace ArCluster.BankFiles.Tests;

/// <summary>
/// One 16 record (or one header) at a time, inside a file whose trailers add up (see
/// <see cref="TestData.DepositText.OneAccount"/>: details start on line 4, as of 2025-03-17).
/// </summary>
public class Bai2RecordTest
{
    private static BankDeposit OnlyDeposit(params string[] details) => Assert.Single(Accepted(Read(OneAccount(details))).Deposits);

    [Fact]
    public void Text_continued_over_several_88_records_is_read_as_one_text()
    {
        var deposit = OnlyDeposit(
            "16,165,125000,0,BR0001,,UNITEDHEALTHCARE",
            "88, HCCLAIMPMT TR",
            "88,N*1*9912",
            "88,3456*14112",
            "88,89245\\");

        Assert.Equal("99123456", deposit.Reference);
        Assert.Equal("1411289245", deposit.PayerTaxId);
        Assert.Equal(4, deposit.Line);
    }

    [Fact]
    public void A_slash_inside_the_text_is_text_and_the_one_ending_it_is_dropped()
    {
        var deposit = OnlyDeposit(@"16,169,5000,0,BR0002,,PAYMENT OF 03/14/2025 TRN*1*T123*1411289245\/");

        Assert.Equal("T123", deposit.Reference);
        Assert.Equal("1411289245", deposit.PayerTaxId);
    }

    [Fact]
    public void The_text_may_hold_commas()
    {
        var deposit = OnlyDeposit(@"16,165,5000,0,BR0003,,AETNA, INC., HCCLAIMPMT, TRN*1*T5*1066033492\");

        Assert.Equal("T5", deposit.Reference);
        Assert.Equal("BR0003", deposit.BankReference);
    }

    [Fact]
    public void A_record_ended_by_a_slash_before_its_references_continues_on_the_88_with_the_next_field()
    {
        var deposit = OnlyDeposit(
            "16,165,5000,S,2000,3000,0/",
            @"88,BANKREF1,,AETNA HCCLAIMPMT TRN*1*T9*1066033492\");

        Assert.Equal(new BankDeposit("1234567890", null, new DateOnly(2025, 3, 17), 50.00m, DepositMethod.Ach, "T9", "1066033492", "BANKREF1", 4), deposit);
    }

    [Fact]
    public void A_slash_inside_a_reference_number_is_kept()
    {
        var deposit = OnlyDeposit("16,175,5000,0,AB/12,CHK77,DEPOSIT/");

        Assert.Equal("AB/12", deposit.BankReference);
        Assert.Equal("CHK77", deposit.Reference);
    }

    [Fact]
    public void Funds_type_fields_are_skipped_to_find_the_references()
    {
        Assert.Equal("CR1", OnlyDeposit("16,165,5000,D,2,0,3000,1,2000,BR1,CR1,NO TRN HERE/").Reference);
        Assert.Equal("CR2", OnlyDeposit("16,165,5000,S,1000,2000,2000,BR2,CR2,NO TRN HERE/").Reference);
        Assert.Equal("CR3", OnlyDeposit("16,165,5000,V,250318,,BR3,CR3,NO TRN HERE/").Reference);
        Assert.Equal(new DateOnly(2025, 3, 18), OnlyDeposit("16,165,5000,V,250318,,BR3,CR3,NO TRN HERE/").DepositDate);
    }

    [Fact]
    public void Without_a_TRN_the_reference_is_the_customer_reference_then_the_bank_reference()
    {
        Assert.Equal("CUST1", OnlyDeposit("16,169,5000,0,BANK1,CUST1,MISC ACH CREDIT/").Reference);
        Assert.Equal("BANK1", OnlyDeposit("16,169,5000,0,BANK1,,MISC ACH CREDIT/").Reference);
    }

    [Fact]
    public void A_TRN_with_its_payer_id_run_into_the_next_88_stops_at_ten_characters()
    {
        // No segment terminator after TRN03, and more text on the next 88.
        var deposit = OnlyDeposit(
            "16,165,5000,0,BR4,,HCCLAIMPMT TRN*1*T77*1411289245",
            "88,ORIGINATOR ID 1411289245");

        Assert.Equal("T77", deposit.Reference);
        Assert.Equal("1411289245", deposit.PayerTaxId);
    }

    [Fact]
    public void Debits_and_non_monetary_records_are_not_deposits()
    {
        var file = Accepted(Read(OneAccount("16,475,19875,0,CK1,1042,CHECK PAID/", "16,890,,,,,REPORT IS FINAL/")));

        Assert.Empty(file.Deposits);
        Assert.Equal(0m, file.Total);
    }

    [Fact]
    public void A_zero_dollar_credit_is_an_ACH_prenote_not_a_deposit()
    {
        Assert.Empty(Accepted(Read(OneAccount("16,165,0,0,BR5,,PRENOTE/"))).Deposits);
    }

    [Fact]
    public void A_letter_in_an_amount_is_named_with_its_line()
    {
        Assert.Equal(
            "line 5 (16 record): amount '12a4' is not a whole number of cents",
            Errors(OneAccount("16,165,5000,0,BR6,CR6,OK/", "16,165,12a4,0,BR7,CR7,BAD/")));
    }

    [Fact]
    public void An_amount_with_a_decimal_point_explains_that_BAI2_amounts_are_cents()
    {
        Assert.Equal(
            "line 4 (16 record): amount '50.00' is not a whole number of cents: BAI2 amounts carry no decimal point (1234 is 12.34)",
            Errors(OneAccount("16,165,50.00,0,BR8,CR8,BAD/")));
    }

    [Fact]
    public void A_negative_credit_is_refused()
    {
        Assert.Equal(
            "line 4 (16 record): amount '-5000' is negative, but type code 165 is a credit",
            Errors(OneAccount("16,165,-5000,0,BR9,CR9,BAD/")));
    }

    [Fact]
    public void A_credit_without_any_reference_cannot_be_reassociated()
    {
        Assert.Equal(
            "line 4 (16 record): credit of 50.00 (type code 165) has no reference: no TRN in its text, no customer reference number and no bank reference number, so it cannot be matched to a remittance; ask the bank for its trace or check number",
            Errors(OneAccount("16,165,5000,0,,,ACH CREDIT/")));
    }

    [Fact]
    public void A_TRN_without_a_trace_number_is_refused_rather_than_matched_on_something_else()
    {
        Assert.Equal(
            @"line 5 (16 record): the text has a TRN segment ('TRN*1**1411289245\') with no trace number (TRN02), so the deposit cannot be matched to its 835",
            Errors(OneAccount("16,165,5000,0,BR10,CR10,HCCLAIMPMT/", @"88,TRN*1**1411289245\")));
    }

    [Fact]
    public void A_credit_without_an_amount_is_refused()
    {
        Assert.Equal("line 4 (16 record): credit (type code 165) has no amount", Errors(OneAccount("16,165,,0,BR11,CR11,ACH/")));
    }

    [Fact]
    public void A_type_code_that_is_not_three_digits_is_refused()
    {
        Assert.Equal("line 4 (16 record): type code '16A' is not a three-digit BAI type code", Errors(OneAccount("16,16A,5000,0,BR12,CR12,ACH/")));
    }

    [Fact]
    public void An_unknown_funds_type_is_refused()
    {
        Assert.Equal("line 4 (16 record): funds type 'X' is not one of 0, 1, 2, V, S, D, Z", Errors(OneAccount("16,165,5000,X,BR13,CR13,ACH/")));
    }

    [Fact]
    public void A_value_date_that_is_not_a_date_is_refused()
    {
        Assert.Equal("line 4 (16 record): value date '250231' (funds type V) is not a date in YYMMDD form", Errors(OneAccount("16,165,5000,V,250231,,BR14,CR14,ACH/")));
    }

    [Fact]
    public void A_deposit_in_another_currency_is_refused()
    {
        var text = OneAccount("16,165,5000,0,BR15,CR15,ACH/").Replace("03,1234567890,USD,", "03,1234567890,CAD,", StringComparison.Ordinal);

        Assert.Equal("line 4 (16 record): credit of 50.00 is in currency 'CAD'; only US dollar deposits can be matched to 835 payments", Errors(text));
    }

    [Fact]
    public void A_test_only_group_is_refused()
    {
        var text = OneAccount("16,165,5000,0,BR16,CR16,ACH/").Replace("02,RIVERSIDEMED,SENDERBANK,1,", "02,RIVERSIDEMED,SENDERBANK,4,", StringComparison.Ordinal);

        Assert.Equal(
            "line 2 (02 record): group status '4' (test only) is not 1 (update): deletion, correction and test groups do not report new deposits; ask the bank for the update report",
            Errors(text));
    }

    [Fact]
    public void An_as_of_date_that_is_not_a_date_is_refused()
    {
        var text = OneAccount("16,165,5000,0,BR17,CR17,ACH/").Replace(",1,250317,0600,,2/", ",1,251317,0600,,2/", StringComparison.Ordinal);

        Assert.Equal("line 2 (02 record): as-of date '251317' is not a date in YYMMDD form", Errors(text));
    }

    [Fact]
    public void A_file_of_another_BAI_version_is_refused()
    {
        var text = OneAccount().Replace("0600,1,,,2/", "0600,1,,,3/", StringComparison.Ordinal);

        Assert.Equal("line 1 (01 record): version number '3' is not 2; only BAI2 (version 2) files are read", Errors(text));
    }

    [Fact]
    public void An_unknown_record_code_is_refused()
    {
        Assert.Contains(
            "line 4 (17 record): '17' is not a BAI2 record code (01, 02, 03, 16, 49, 88, 98, 99)",
            Errors(OneAccount("17,165,5000,0,BR18,CR18,ACH/")).Split('\n'));
    }

    [Fact]
    public void A_line_that_is_not_a_record_is_refused()
    {
        Assert.Contains(
            "line 4 (file): 'PAGE 2 OF 3' is not a BAI2 record: every record starts with a two-digit record code and a comma, e.g. '16,'",
            Errors(OneAccount("PAGE 2 OF 3")).Split('\n'));
    }

    [Fact]
    public void Records_run_together_on_one_line_are_refused()
    {
        var text = OneAccount("16,475,100,0,BR19,CR19,DEBIT/").Replace("49,100,3/\n98", "49,100,3/ 98", StringComparison.Ordinal);

        Assert.Contains("line 5 (49 record): '98,100,1,5/' follows the '/' that ends the record; every record belongs on its own line", Errors(text).Split('\n'));
    }

    [Fact]
    public void A_transaction_outside_an_account_is_refused()
    {
        var text = OneAccount().Replace("03,1234567890,USD,,,,/\n49,0,2/\n", "16,165,5000,0,BR20,CR20,ACH/\n", StringComparison.Ordinal);

        Assert.Contains("line 3 (16 record): transaction detail outside an account: no 03 account identifier is open", Errors(text).Split('\n'));
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_not_only_the_first()
    {
        var errors = Errors(OneAccount(
            "16,165,12a4,0,BR21,CR21,BAD/",
            "16,165,5000,0,,,NO REFERENCE/",
            "16,165,5000,Q,BR22,CR22,BAD FUNDS TYPE/")).Split('\n');

        Assert.Equal(3, errors.Length);
        Assert.StartsWith("line 4 ", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 5 ", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("line 6 ", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_field_at_fault_is_named_for_programs()
    {
        var error = Assert.Single(Rejected(Read(OneAccount("16,165,12a4,0,BR23,CR23,BAD/"))).Errors);

        Assert.Equal(new DepositFileError(4, "16 record", "amount '12a4' is not a whole number of cents") { Field = "amount" }, error);
    }
}
