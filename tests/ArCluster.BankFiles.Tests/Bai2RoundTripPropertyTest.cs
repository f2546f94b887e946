using System.Globalization;
using ArCluster.BankFiles.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ArCluster.BankFiles.Tests.TestData.DepositText;

namespace ArCluster.BankFiles.Tests;

/// <summary>Generated BAI2 files with trailers that add up read back exactly; any trailer altered is always caught.</summary>
public class Bai2RoundTripPropertyTest
{
    [Property(MaxTest = 300)]
    public Property Any_balanced_BAI2_file_reads_back_as_the_deposits_written()
    {
        return Prop.ForAll(Bai2Generators.File.ToArbitrary(), generated =>
        {
            var written = Bai2Writer.Write(generated);

            var result = Read(written.Text);

            if (result is RejectedDepositFile rejected)
            {
                Assert.Fail($"rejected:\n{rejected.Describe()}\n\n{written.Text}");
            }

            var file = Accepted(result);
            Assert.Equal<BankDeposit>(written.Deposits, file.Deposits);
            Assert.Equal(written.Total, file.Total);
            Assert.All(file.Deposits, d => Assert.Equal(2, d.Amount.Scale));
        });
    }

    [Property(MaxTest = 300)]
    public Property Changing_any_control_total_rejects_the_file_at_that_trailer()
    {
        var gen =
            from generated in Bai2Generators.File
            from pick in Gen.Choose(0, 1000)
            from delta in Gen.Elements(-100_000L, -1L, 1L, 7L, 100_000_000L)
            select (generated, pick, delta);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (generated, pick, delta) = c;
            var written = Bai2Writer.Write(generated);
            var trailer = written.Trailers[pick % written.Trailers.Length];

            var text = written.With(trailer.Line, record => ChangeField(record, 1, n => n + delta));

            var rejected = Rejected(Read(text));
            Assert.Contains(rejected.Errors, e => e.Line == trailer.Line && e.Record == $"{trailer.Code} record" && e.Field!.EndsWith("control total", StringComparison.Ordinal));
        });
    }

    [Property(MaxTest = 200)]
    public Property Changing_any_trailer_count_rejects_the_file_at_that_trailer()
    {
        var gen =
            from generated in Bai2Generators.File
            from pick in Gen.Choose(0, 1000)
            from delta in Gen.Elements(1L, 2L, 10L)
            from field in Gen.Choose(2, 3)
            select (generated, pick, delta, field);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (generated, pick, delta, field) = c;
            var written = Bai2Writer.Write(generated);
            var trailer = written.Trailers[pick % written.Trailers.Length];
            // A 49 has one count (records); 98 and 99 have two (accounts or groups, then records).
            var position = trailer.Code == "49" ? 2 : field;

            var text = written.With(trailer.Line, record => ChangeField(record, position, n => n + delta));

            Assert.Contains(Rejected(Read(text)).Errors, e => e.Line == trailer.Line && e.Field!.StartsWith("number of", StringComparison.Ordinal));
        });
    }

    private static string ChangeField(string record, int index, Func<long, long> change)
    {
        var fields = record.TrimEnd('/').Split(',');
        fields[index] = change(long.Parse(fields[index], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        return string.Join(",", fields) + "/";
    }
}
