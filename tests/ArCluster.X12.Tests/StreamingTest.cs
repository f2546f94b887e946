using System.Collections.Immutable;
using ArCluster.X12.Remittance;
using ArCluster.X12.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace ArCluster.X12.Tests;

/// <summary>A large file is read one transaction set at a time: memory stays flat whatever the file size.</summary>
public sealed class StreamingTest(ITestOutputHelper output) : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"arcluster-x12-stream-{Guid.NewGuid():N}.835");

    [Fact]
    public void A_20_MB_file_streams_in_bounded_memory()
    {
        var transactions = WriteLargeFile(_path, targetBytes: 20 << 20);
        var fileBytes = new FileInfo(_path).Length;
        Assert.True(fileBytes >= 20 << 20, $"generated only {fileBytes:N0} bytes");

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLive = 0;
        var accepted = 0;
        var claims = 0;
        foreach (var result in RemittanceFile.Read(_path))
        {
            var advice = Assert.IsType<AcceptedRemittance>(result).Advice;
            accepted++;
            claims += advice.Claims.Length;
            if (accepted % 250 == 0)
            {
                peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        output.WriteLine($"{fileBytes:N0} bytes, {accepted:N0} transaction sets, {claims:N0} claims; live memory grew by at most {peakLive:N0} bytes");
        Assert.Equal(transactions, accepted);
        Assert.True(claims > 50_000, $"only {claims} claims");
        // Holding the file, or the advices already handed out, would take several times its 20 MB.
        Assert.True(peakLive < 8 << 20, $"live memory grew by {peakLive:N0} bytes while streaming a {fileBytes:N0}-byte file");
    }

    public void Dispose() => File.Delete(_path);

    /// <summary>Writes balanced advices of about 50 claims each until the file reaches the target size; returns how many.</summary>
    private static int WriteLargeFile(string path, long targetBytes)
    {
        var random = new Random(20240315);
        var claims = Gen.Sample(RemittanceGenerators.Claim, 30, new Rnd(20240315UL), 400);
        using var file = new StreamWriter(path);
        var count = 0;
        var header = RemittanceWriter.Write(X12Layout.Standard, []).Text;
        var trailerAt = header.IndexOf("GE*", StringComparison.Ordinal);
        file.Write(header[..trailerAt]);
        var written = (long)trailerAt;
        while (written < targetBytes)
        {
            var picked = Enumerable.Range(0, 50).Select(_ => claims[random.Next(claims.Length)]).ToImmutableArray();
            var net = picked.Sum(c => c.PaymentAmount);
            var advice = Sample.Advice with
            {
                TransactionControlNumber = $"{++count:0000000}",
                Claims = picked,
                TotalActualPayment = Math.Abs(net),
                CreditDebitFlag = net < 0 ? "D" : "C",
            };
            var text = RemittanceWriter.Write(X12Layout.Standard, [advice]).Text;
            var body = text[text.IndexOf("ST*", StringComparison.Ordinal)..text.IndexOf("GE*", StringComparison.Ordinal)];
            file.Write(body);
            written += body.Length;
        }

        file.Write($"GE*{count}*42~\nIEA*1*000000905~\n");
        return count;
    }

    private static class Sample
    {
        public static RemittanceAdvice Advice { get; } = Gen.Sample(RemittanceGenerators.Advice, 30, new Rnd(42UL), 1)[0] with { ProviderAdjustments = [] };
    }
}
