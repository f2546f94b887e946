using ArCluster.Domain.Claims;
using ArCluster.Domain.Tests.TestData;
using ArCluster.Domain.Validation;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Claims;

public class ClaimRulesTest
{
    private static ClaimDetails Validate(ClaimInput input) => ClaimRules.Validate(input, PracticePayers, Today);

    private static string[] FieldsOf(ClaimInput input) =>
        Assert.Throws<RuleViolationException>(() => Validate(input)).Violations.Select(v => v.Field).ToArray();

    [Fact]
    public void A_clean_claim_is_normalized_for_the_837()
    {
        var builder = new ClaimBuilder().WithSecondary().Line(150m, "99214", daysAgo: 10).Line(25.5m, "36415", daysAgo: 12, lineControlNumber: "LN-9");
        var input = builder.Input() with { RenderingNpi = null };

        var details = Validate(input);

        Assert.Equal(["E119", "I10"], details.Diagnoses.Select(d => d.Value));
        Assert.Equal(details.BillingProvider, details.RenderingProvider);
        Assert.Equal([1, 2], details.Lines.Select(l => l.LineNumber));
        Assert.Equal(["1", "LN-9"], details.Lines.Select(l => l.LineControlNumber));
        Assert.Equal(Usd(175.5m), details.TotalCharge);
        Assert.Equal(Today.AddDays(-12), details.FirstServiceDate);
        Assert.Equal(Medicare, details.Primary!.PayerId.Value);
        Assert.Equal(Commercial, details.Secondary!.PayerId.Value);
    }

    [Fact]
    public void Every_broken_field_is_reported_at_once_with_its_path()
    {
        var input = new ClaimBuilder()
            .Line(0m)
            .Line(-5m)
            .Line(10.005m)
            .Line(100m, code: "9921")
            .Line(100m)
            .Line(100m, daysAgo: -1)
            .Line(100m, lineControlNumber: "A")
            .Line(100m, lineControlNumber: "A")
            .Input();
        input = input with
        {
            Primary = new CoverageInput("99999", "1EG4TE5MK73"),
            BillingNpi = "1234567890",
            Diagnoses = ["E11.9", "250.00"],
            Lines = [.. input.Lines.Select((l, i) => i == 4 ? l with { DiagnosisPointers = [3] } : l)],
        };

        var error = Assert.Throws<RuleViolationException>(() => Validate(input));

        Assert.Equal(
            [
                "primary.payerId", "billingNpi", "diagnoses[1]",
                "lines[0].charge", "lines[1].charge", "lines[2].charge", "lines[3].code",
                "lines[4].diagnosisPointers", "lines[5].serviceDate", "lines[7].lineControlNumber",
            ],
            error.Violations.Select(v => v.Field));
        var messages = error.Violations.ToDictionary(v => v.Field, v => v.Message);
        Assert.Contains("more than zero, not 0.00", messages["lines[0].charge"], StringComparison.Ordinal);
        Assert.Contains("more than zero, not -5.00", messages["lines[1].charge"], StringComparison.Ordinal);
        Assert.Contains("more than two decimal places", messages["lines[2].charge"], StringComparison.Ordinal);
        Assert.Contains("pointer 3", messages["lines[4].diagnosisPointers"], StringComparison.Ordinal);
        Assert.Contains("in the future", messages["lines[5].serviceDate"], StringComparison.Ordinal);
        Assert.Contains("'A' must be unique", messages["lines[7].lineControlNumber"], StringComparison.Ordinal);
        Assert.Contains("not one of the practice's payers", messages["primary.payerId"], StringComparison.Ordinal);
        Assert.Contains("Claim 'C100' was rejected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_today_is_not_in_the_future() =>
        Assert.Equal(Today, Validate(new ClaimBuilder().Line(80m, daysAgo: 0).Input()).FirstServiceDate);

    [Fact]
    public void A_secondary_coverage_needs_a_primary()
    {
        var input = new ClaimBuilder().SelfPay().Input() with { Secondary = new CoverageInput(Commercial, "W123") };

        Assert.Equal(["secondary"], FieldsOf(input));
    }

    [Fact]
    public void A_secondary_identical_to_the_primary_is_rejected()
    {
        var input = new ClaimBuilder().WithSecondary(Medicare, "1eg4te5mk73").Input();

        var error = Assert.Throws<RuleViolationException>(() => Validate(input));
        Assert.Contains("same as the primary", Assert.Single(error.Violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_secondary_payer_is_named()
    {
        var input = new ClaimBuilder().WithSecondary("62308").Input();

        var error = Assert.Throws<RuleViolationException>(() => Validate(input));
        Assert.Equal("secondary.payerId", Assert.Single(error.Violations).Field);
        Assert.Contains("'62308'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_without_lines_or_diagnoses_is_rejected()
    {
        var input = new ClaimBuilder().Input() with { Lines = [], Diagnoses = [] };

        Assert.Equal(["diagnoses", "lines"], FieldsOf(input));
    }

    [Fact]
    public void More_than_twelve_diagnoses_or_a_repeated_diagnosis_is_rejected()
    {
        var thirteen = Enumerable.Range(0, 13).Select(i => (string?)$"E11.{i % 10}{i / 10}").ToArray();

        Assert.Contains("diagnoses", FieldsOf(new ClaimBuilder().Input() with { Diagnoses = thirteen }));
        Assert.Equal(["diagnoses[1]"], FieldsOf(new ClaimBuilder().Input() with { Diagnoses = ["E11.9", "E119"] }));
    }

    [Fact]
    public void Line_level_edits_name_the_line_and_the_modifier()
    {
        var line = LineInput(100m) with { Modifiers = ["25", "5", "59", "LT", "RT"], Units = 0m, PlaceOfService = "00", DiagnosisPointers = [1, 1] };

        var fields = FieldsOf(new ClaimBuilder().Input() with { Lines = [line] });

        Assert.Equal(
            ["lines[0].modifiers", "lines[0].modifiers[1]", "lines[0].placeOfService", "lines[0].units", "lines[0].diagnosisPointers"],
            fields);
    }

    [Fact]
    public void Fractional_units_are_allowed_to_three_decimals()
    {
        var line = LineInput(100m) with { Units = 1.5m };
        Assert.Equal(1.5m, Assert.Single(Validate(new ClaimBuilder().Input() with { Lines = [line] }).Lines).Units);
        Assert.Equal(["lines[0].units"], FieldsOf(new ClaimBuilder().Input() with { Lines = [line with { Units = 1.2345m }] }));
    }

    [Fact]
    public void The_same_claim_entered_twice_is_recognized_field_by_field()
    {
        var once = new ClaimBuilder().Line(100m).Line(50m, "G0439").Details();
        var again = new ClaimBuilder().Line(100m).Line(50m, "G0439").Details();
        var changed = new ClaimBuilder().Line(100m).Line(50.01m, "G0439").Details();

        Assert.True(once.SameAs(again));
        Assert.False(once.SameAs(changed));
    }
}
