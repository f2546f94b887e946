using ArCluster.X12.Remittance;
using ArCluster.X12.Tests.TestData;
using static ArCluster.X12.Tests.TestData.X12Text;

namespace ArCluster.X12.Tests;

/// <summary>Claims, acknowledgements and status responses handed to the 835 reader are refused by name.</summary>
public class NotRemittanceTest
{
    [Theory]
    [InlineData("837I/linuxforhealth-institutional-claim.837i", "not an 835 (found 837 005010X223A3)")]
    [InlineData("837I/linuxforhealth-two-claims-single-provider.837i", "not an 835 (found 837 005010X223A3)")]
    [InlineData("277-claim-status/linuxforhealth-claim-level-status.277", "not an 835 (found 277 005010X212)")]
    [InlineData("277CA/imsweb-x12_277CA_rejected.txt", "not an 835 (found 277 005010X214)")]
    [InlineData("999/imsweb-x12_999_accepted_ta1.txt", "not an 835 (found 999 005010X231A1)")]
    [InlineData("999/azoner-834_lui_id_5010.999.txt", "not an 835 (found 999 005010X231)")]
    [InlineData("837P/linuxforhealth-demo.example1.837", "not an 835 (found 837 005010X222A2)")]
    [InlineData("837P/imsweb-x12_valid.txt", "not an 835 (found 837 005010X222A1)")]
    public void Another_transaction_type_is_rejected_as_not_an_835(string sample, string expected)
    {
        var results = ReadFile(sample);

        Assert.All(results, result =>
        {
            var rejected = Rejected(result);
            Assert.True(rejected.IsNotRemittance);
            var error = rejected.Errors[0];
            Assert.Equal(X12ErrorKind.NotSupported, error.Kind);
            Assert.Equal(expected, error.Message);
            Assert.Equal(("ST", rejected.Envelope.SegmentNumber), (error.SegmentId, error.SegmentNumber));
            Assert.Null(rejected.ParsedAdvice);
        });
    }

    [Fact]
    public void Every_non_835_sample_is_refused_and_none_is_posted()
    {
        foreach (var folder in new[] { "837I", "837P", "999", "277CA", "277-claim-status" })
        {
            foreach (var file in Samples.In(folder))
            {
                var results = RemittanceFile.Read(file).ToList();
                Assert.NotEmpty(results);
                Assert.All(results, r => Assert.True(Rejected(r).IsNotRemittance, Path.GetFileName(file)));
            }
        }
    }

    [Fact]
    public void An_835_of_another_version_is_named_as_such()
    {
        var text = Interchange(ManagedCareBody)
            .Replace("*005010X221A1~", "*004010X091A1~", StringComparison.Ordinal);

        var rejected = Rejected(Assert.Single(Read(text)));

        Assert.Equal("segment 3 (ST): 835 version '004010X091A1' is not supported (expected 005010X221A1; ST03 or GS08)", rejected.Errors[0].ToString());
    }

    [Fact]
    public void An_835_in_a_group_that_is_not_HP_is_rejected()
    {
        var text = Interchange(ManagedCareBody).Replace("GS*HP*", "GS*HC*", StringComparison.Ordinal);

        var rejected = Rejected(Assert.Single(Read(text)));

        Assert.Equal("segment 3 (ST): GS01 is 'HC' but an 835 belongs in a functional group with GS01 = HP", rejected.Errors.Single().ToString());
    }

    [Fact]
    public void An_835_among_837s_in_one_interchange_is_read_and_the_others_refused()
    {
        var claim = File.ReadAllText(Samples.Path("837I/linuxforhealth-institutional-claim.837i"));
        var st = claim.IndexOf("ST*837", StringComparison.Ordinal);
        var se = claim.IndexOf("GE*", StringComparison.Ordinal);
        var transaction837 = claim[st..se];
        var text = Interchange(ManagedCareBody).Replace("GE*1*7~", transaction837 + "GE*2*7~", StringComparison.Ordinal);

        var results = Read(text);

        Assert.Equal(2, results.Count);
        Accepted(results[0]);
        Assert.Equal("not an 835 (found 837 005010X223A3)", Rejected(results[1]).Errors.Single().Message);
    }
}
