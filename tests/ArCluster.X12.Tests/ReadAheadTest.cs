using System.Text;
using ArCluster.X12.Remittance;
using ArCluster.X12.Tests.TestData;
using static ArCluster.X12.Tests.TestData.X12Text;

namespace ArCluster.X12.Tests;

/// <summary>Reading ahead on a background thread changes nothing but the speed.</summary>
public class ReadAheadTest
{
    private static readonly X12ReadOptions Ahead = new() { ReadAhead = 4 };

    private static string Many(int count) => Interchange([.. Enumerable.Repeat(ManagedCareBody, count - 1), ManagedCareBody.Replace("BPR*I*945.00*", "BPR*I*1.00*", StringComparison.Ordinal)]);

    [Fact]
    public void Results_are_the_same_and_in_the_same_order()
    {
        var text = Many(50);

        var sequential = Read(text);
        var ahead = RemittanceFile.Read(Stream(text), Ahead).ToList();

        Assert.Equal(50, ahead.Count);
        Assert.Equal(sequential.Select(r => (r.Envelope.TransactionControlNumber, r.IsAccepted)), ahead.Select(r => (r.Envelope.TransactionControlNumber, r.IsAccepted)));
        Assert.Equal(sequential.OfType<AcceptedRemittance>().Select(a => a.Advice), ahead.OfType<AcceptedRemittance>().Select(a => a.Advice));
        Assert.False(ahead[^1].IsAccepted);
    }

    [Fact]
    public void Leaving_the_loop_early_stops_reading_and_releases_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arcluster-x12-ahead-{Guid.NewGuid():N}.835");
        File.WriteAllText(path, Many(200));
        try
        {
            var first = RemittanceFile.Read(path, Ahead).Take(3).ToList();

            Assert.Equal(3, first.Count);
            File.Delete(path);
            Assert.False(File.Exists(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_failing_stream_surfaces_its_exception_to_the_caller()
    {
        var bytes = Encoding.ASCII.GetBytes(Many(20));
        using var stream = new FailingStream(bytes, failAt: bytes.Length / 2);

        var error = Assert.Throws<IOException>(() => RemittanceFile.Read(stream, Ahead with { VerifyTrailersFirst = false, BufferSize = 4096 }).ToList());

        Assert.Equal("disk gone", error.Message);
    }

    private sealed class FailingStream(byte[] data, int failAt) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAt ? throw new IOException("disk gone") : base.Read(buffer, offset, Math.Min(count, 1000));
    }
}
