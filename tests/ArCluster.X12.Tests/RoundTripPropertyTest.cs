using System.Text.Json;
using ArCluster.X12.Remittance;
using ArCluster.X12.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ArCluster.X12.Tests;

/// <summary>Generated advices, written with random delimiters and line breaks, read back exactly.</summary>
public class RoundTripPropertyTest
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [Property(MaxTest = 300)]
    public Property Any_balanced_835_written_with_any_delimiters_reads_back_as_the_same_advices()
    {
        return Prop.ForAll(RemittanceGenerators.File.ToArbitrary(), file =>
        {
            var (text, expected) = RemittanceWriter.Write(file.Layout, file.Advices);

            var results = X12Text.Read(text);

            Assert.Equal(expected.Length, results.Count);
            for (var i = 0; i < expected.Length; i++)
            {
                if (results[i] is RejectedRemittance rejected)
                {
                    Assert.Fail($"transaction {i + 1} was rejected ({file.Layout}):\n{rejected.Describe()}\n\n{text}");
                }

                var actual = X12Text.Accepted(results[i]);
                if (!expected[i].Equals(actual))
                {
                    // Records print lists as type names; compare as JSON to show where they differ.
                    Assert.Equal(JsonSerializer.Serialize(expected[i], Json), JsonSerializer.Serialize(actual, Json));
                    Assert.Fail("the advices differ but serialize alike: a member is missing from RemittanceAdvice.Equals");
                }

                Assert.Equal(file.Advices[i].Claims.Length, actual.Claims.Length);
            }
        });
    }

    [Property(MaxTest = 200)]
    public Property Changing_one_claim_payment_by_a_cent_is_always_caught()
    {
        var gen =
            from advice in RemittanceGenerators.Advice.Where(a => a.Claims.Length > 0)
            from index in Gen.Choose(0, 100)
            select (advice, index % advice.Claims.Length);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (advice, index) = c;
            var claim = advice.Claims[index];
            var broken = advice with { Claims = advice.Claims.SetItem(index, claim with { PaymentAmount = claim.PaymentAmount + 0.01m }) };
            var (text, expected) = RemittanceWriter.Write(X12Layout.Standard, [broken]);

            var rejected = X12Text.Rejected(Assert.Single(X12Text.Read(text)));

            var clp = expected[0].Claims[index].SegmentNumber;
            Assert.Contains(rejected.Errors, e => e.Kind == X12ErrorKind.Balancing && e.SegmentNumber == clp && e.Message.EndsWith("(off by 0.01)", StringComparison.Ordinal));
            Assert.Contains(rejected.Errors, e => e.Kind == X12ErrorKind.Balancing && e.SegmentId == "BPR");
            Assert.Equal(expected[0], rejected.ParsedAdvice);
        });
    }
}
