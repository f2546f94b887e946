using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;
using ArCluster.Persistence.Ledger;

namespace ArCluster.Persistence.Tests.Ledger;

/// <summary>A claim rebuilt from the journal after a restart must be the claim that was written.</summary>
public class LedgerJsonTest
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void A_claim_posting_reads_back_exactly_as_it_was_written()
    {
        var opening = Claim.Open(Details(), Context("claim:C1:open"));

        var restored = LedgerJson.Deserialize<ClaimPosting>(LedgerJson.Serialize(opening));

        Assert.Equal(LedgerJson.Serialize(opening), LedgerJson.Serialize(restored));
        Assert.True(restored.Details!.SameAs(opening.Details!));
        Assert.Equal(opening.Entries.ToArray(), restored.Entries.ToArray());
        Assert.Equal(170.00m, restored.Details!.TotalCharge.Amount);
    }

    [Fact]
    public void Computed_values_are_not_stored_but_derived_again()
    {
        var json = LedgerJson.Serialize(Claim.Open(Details(), Context("claim:C1:open")));

        Assert.DoesNotContain("totalCharge", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sign\"", json, StringComparison.Ordinal);
        Assert.Contains("\"amount\":120.00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_left_out_fingerprints_the_same_as_an_empty_one()
    {
        var leftOut = new { modifiers = default(ImmutableArray<string>) };
        var empty = new { modifiers = ImmutableArray<string>.Empty };

        Assert.Equal(LedgerJson.Hash(empty), LedgerJson.Hash(leftOut));
    }

    [Fact]
    public void A_stored_value_that_is_no_longer_valid_is_refused_on_read()
    {
        var json = LedgerJson.Serialize(Claim.Open(Details(), Context("claim:C1:open"))).Replace("\"99213\"", "\"9921\"", StringComparison.Ordinal);

        var error = Assert.Throws<System.Text.Json.JsonException>(() => LedgerJson.Deserialize<ClaimPosting>(json));

        Assert.Contains("ProcedureCode", error.Message, StringComparison.Ordinal);
    }

    private static ClaimDetails Details() => ClaimRules.Validate(
        new ClaimInput(
            "riverside",
            "C1",
            "A1",
            new CoverageInput("87726", "W123456789"),
            null,
            "1234567893",
            null,
            ["J10.1", "Z23"],
            [
                new ServiceLineInput("99213", ["25"], 1, 120.00m, Today.AddDays(-30), "11", [1], null),
                new ServiceLineInput("90686", [], 1, 50.00m, Today.AddDays(-30), "11", [2], null),
            ]),
        new HashSet<string> { "87726" },
        Today);

    private static PostingContext Context(string postingId) =>
        new(PostingId.TryRestore(postingId, out var id, out var error) ? id : throw new ArgumentException(error), new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), "tester");
}
