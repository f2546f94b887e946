using System.Text;
using static ArCluster.BankFiles.Tests.TestData.DepositText;

namespace ArCluster.BankFiles.Tests;

/// <summary>BAI2 when the first non-blank line is a file header ("01,"), the house CSV otherwise.</summary>
public class FormatDetectionTest
{
    [Fact]
    public void A_file_starting_with_a_file_header_is_BAI2()
    {
        Assert.Equal(DepositFileFormat.Bai2, Read(OneAccount()).Format);
    }

    [Fact]
    public void Blank_lines_and_a_byte_order_mark_before_the_file_header_do_not_hide_it()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\r\n\n" + OneAccount("16,165,5000,0,BR1,CR1,ACH/"))).ToArray();

        var file = Accepted(DepositFile.Read(new MemoryStream(bytes), "with-bom.bai"));

        Assert.Equal(DepositFileFormat.Bai2, file.Format);
        Assert.Equal(6, Assert.Single(file.Deposits).Line);
    }

    [Fact]
    public void Anything_else_is_read_as_CSV()
    {
        Assert.Equal(DepositFileFormat.Csv, Read("date,amount,method,reference,practice\n").Format);
        Assert.Equal(DepositFileFormat.Csv, Rejected(Read("02,RIVERSIDEMED,SENDERBANK,1,250317,0600,,2/\n")).Format);
    }

    [Fact]
    public void A_file_is_read_from_its_path_and_the_path_is_kept()
    {
        var path = SamplePath(SampleCsv);

        var file = Accepted(DepositFile.Read(path));

        Assert.Equal(path, file.Path);
        Assert.Equal(DepositFileFormat.Csv, file.Format);
    }

    [Fact]
    public void The_stream_is_left_open_for_the_caller()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(OneAccount()));

        DepositFile.Read(stream, "open.bai");

        Assert.True(stream.CanRead);
    }
}
