using static ArCluster.BankFiles.Tests.TestData.DepositText;

namespace ArCluster.BankFiles.Tests;

/// <summary>
/// Every control total and count in the sample file, broken one at a time: the file is refused whole,
/// naming the trailer's line and both numbers. Sample lines: 49s on 15, 20, 27; 98s on 21, 28; 99 on 29.
/// </summary>
public class Bai2TrailerTest
{
    private static string[] ErrorLines(string text) => Errors(text).Split('\n');

    [Fact]
    public void An_account_control_total_off_by_a_cent_rejects_the_file()
    {
        var errors = ErrorLines(SampleBai2With(15, "49,17740906,13/"));

        Assert.Equal(
            [
                "line 15 (49 record): account control total 17740906 (177409.06) does not match account 4387561290 (03 on line 3): its 03 and 16 amounts add up to 17740905 (177409.05), off by 0.01; the file is damaged or incomplete, ask the bank to send it again",
                "line 21 (98 record): group control total 18483417 (184834.17) does not match the group that starts on line 2: its 49 account control totals add up to 18483418 (184834.18), off by -0.01; the file is damaged or incomplete, ask the bank to send it again",
            ],
            errors);
    }

    [Fact]
    public void A_changed_credit_amount_is_caught_by_its_account_control_total()
    {
        var errors = ErrorLines(SampleBai2With(24, "16,301,65000,0,DEP0317-004,10093,COMMERCIAL DEPOSIT/"));

        Assert.Equal(
            "line 27 (49 record): account control total 1497415 (14974.15) does not match account 0098812234 (03 on line 23): its 03 and 16 amounts add up to 1498415 (14984.15), off by -10.00; the file is damaged or incomplete, ask the bank to send it again",
            Assert.Single(errors));
    }

    [Fact]
    public void An_account_record_count_that_is_wrong_rejects_the_file()
    {
        Assert.Equal(
            "line 15 (49 record): number of records is 12 but account 4387561290 has 13 (from its 03 on line 3 to this 49, 88 continuations included)",
            Errors(SampleBai2With(15, "49,17740905,12/")));
    }

    [Fact]
    public void A_lost_88_continuation_is_caught_by_the_record_counts()
    {
        var errors = ErrorLines(SampleBai2With(9, null));

        Assert.Equal(
            [
                "line 14 (49 record): number of records is 13 but account 4387561290 has 12 (from its 03 on line 3 to this 49, 88 continuations included)",
                "line 20 (98 record): number of records is 20 but the group that starts on line 2 has 19 (from its 02 to this 98, 88 continuations included)",
                "line 28 (99 record): number of records is 29 but the file has 28 (from its 01 on line 1 to this 99, 88 continuations included; blank lines are not records)",
            ],
            errors);
    }

    [Fact]
    public void A_group_control_total_that_does_not_add_up_rejects_the_file()
    {
        var errors = ErrorLines(SampleBai2With(21, "98,18483400,2,20/"));

        Assert.Equal(
            [
                "line 21 (98 record): group control total 18483400 (184834.00) does not match the group that starts on line 2: its 49 account control totals add up to 18483417 (184834.17), off by -0.17; the file is damaged or incomplete, ask the bank to send it again",
                "line 29 (99 record): file control total 19980832 (199808.32) does not match the file: its 98 group control totals add up to 19980815 (199808.15), off by 0.17; the file is damaged or incomplete, ask the bank to send it again",
            ],
            errors);
    }

    [Fact]
    public void A_group_account_count_that_is_wrong_rejects_the_file()
    {
        Assert.Equal(
            "line 21 (98 record): number of accounts is 3 but the group that starts on line 2 has 2 (03 records)",
            Errors(SampleBai2With(21, "98,18483417,3,20/")));
    }

    [Fact]
    public void A_group_record_count_that_is_wrong_rejects_the_file()
    {
        Assert.Equal(
            "line 28 (98 record): number of records is 6 but the group that starts on line 22 has 7 (from its 02 to this 98, 88 continuations included)",
            Errors(SampleBai2With(28, "98,1497415,1,6/")));
    }

    [Fact]
    public void A_file_control_total_that_does_not_add_up_rejects_the_file()
    {
        Assert.Equal(
            "line 29 (99 record): file control total 19980833 (199808.33) does not match the file: its 98 group control totals add up to 19980832 (199808.32), off by 0.01; the file is damaged or incomplete, ask the bank to send it again",
            Errors(SampleBai2With(29, "99,19980833,2,29/")));
    }

    [Fact]
    public void A_file_group_count_that_is_wrong_rejects_the_file()
    {
        Assert.Equal(
            "line 29 (99 record): number of groups is 1 but the file has 2 (02 records)",
            Errors(SampleBai2With(29, "99,19980832,1,29/")));
    }

    [Fact]
    public void A_file_record_count_that_is_wrong_rejects_the_file()
    {
        Assert.Equal(
            "line 29 (99 record): number of records is 30 but the file has 29 (from its 01 on line 1 to this 99, 88 continuations included; blank lines are not records)",
            Errors(SampleBai2With(29, "99,19980832,2,30/")));
    }

    [Fact]
    public void A_file_cut_short_before_its_trailer_is_rejected()
    {
        Assert.Equal(
            "line 28 (file): the file ends without a 99 file trailer: it is incomplete, ask the bank to send it again",
            Errors(SampleBai2With(29, null)));
    }

    [Fact]
    public void A_file_cut_short_inside_an_account_names_every_open_envelope()
    {
        var lines = SampleLines(SampleBai2)[..18];

        Assert.Equal(
            [
                "line 18 (file): account 5521009876 (03 on line 16) has no 49 account trailer",
                "line 18 (file): the group that starts on line 2 has no 98 group trailer",
                "line 18 (file): the file ends without a 99 file trailer: it is incomplete, ask the bank to send it again",
            ],
            ErrorLines(string.Join("\n", lines)));
    }

    [Fact]
    public void A_missing_account_trailer_is_named_where_the_next_account_starts()
    {
        var errors = ErrorLines(SampleBai2With(15, null));

        Assert.Contains("line 15 (03 record): account 4387561290 (03 on line 3) has no 49 account trailer before this account identifier", errors);
        Assert.Contains(errors, e => e.StartsWith("line 20 (98 record): number of accounts", StringComparison.Ordinal) || e.StartsWith("line 20 (98 record): group control total", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_files_joined_together_are_rejected()
    {
        var sample = File.ReadAllText(SamplePath(SampleBai2));

        Assert.Equal(
            "line 30 (01 record): record after the 99 file trailer on line 29; a file ends at its trailer (were two files joined?)",
            Errors(sample + sample));
    }

    [Fact]
    public void Blank_lines_and_CRLF_line_ends_are_not_records()
    {
        var text = string.Join("\r\n\r\n", SampleLines(SampleBai2)) + "\r\n\r\n";

        var file = Accepted(Read(text));

        Assert.Equal(8, file.Deposits.Length);
        Assert.Equal(9, file.Deposits[0].Line); // line 5 of the sample, with a blank line after each record
    }
}
