using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ArCluster.Domain.Tests;

public class MoneyTest
{
    private static readonly Gen<long> Cents = Gen.Choose(-1_000_000_00, 1_000_000_00).Select(c => (long)c);

    [Theory]
    [InlineData("125", "125.00")]
    [InlineData("125.5", "125.50")]
    [InlineData("125.50", "125.50")]
    [InlineData("-3.1", "-3.10")]
    [InlineData("0", "0.00")]
    [InlineData(".75", "0.75")]
    public void Amounts_as_staff_type_them_are_parsed_exactly(string raw, string expected)
    {
        Assert.True(Money.TryParse(raw, out var money, out var error), error);
        Assert.Equal(expected, money.ToString());
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("0.001")]
    [InlineData("99.999")]
    public void Fractions_of_a_cent_are_rejected_not_rounded(string raw)
    {
        Assert.False(Money.TryParse(raw, out var money, out var error));
        Assert.Contains("more than two decimal places", error, StringComparison.Ordinal);
        Assert.Equal(Money.Zero, money);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("$12.00")]
    [InlineData("1,250.00")]
    [InlineData("12.00 USD")]
    [InlineData("1e3")]
    [InlineData("twelve")]
    public void Text_that_is_not_a_plain_amount_is_rejected_with_an_example(string? raw)
    {
        Assert.False(Money.TryParse(raw, out _, out var error));
        Assert.Contains("e.g. 125.50", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_an_amount_with_fractional_cents_in_code_is_a_programming_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(10.005m));
        Assert.Contains("whole cents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_amount_is_a_trillion_dollars_less_a_cent()
    {
        Assert.True(Money.TryCreate(999_999_999_999.99m, out var largest, out _));
        Assert.True(Money.TryCreate(-999_999_999_999.99m, out _, out _));
        Assert.False(Money.TryCreate(1_000_000_000_000.00m, out _, out var error));
        Assert.Contains("beyond the largest amount", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => largest + Money.Of(0.01m));
    }

    [Fact]
    public void Tenths_that_binary_floating_point_gets_wrong_add_up_exactly()
    {
        var total = Money.Sum(Enumerable.Repeat(Money.Of(0.10m), 10));
        Assert.Equal(Money.Of(1m), total);
        Assert.Equal(Money.Of(0.3m), Money.Of(0.1m) + Money.Of(0.2m));
        Assert.Equal("0.30", (Money.Of(0.1m) + Money.Of(0.2m)).ToString());
    }

    [Fact]
    public void Amounts_always_print_with_two_decimals_in_invariant_culture()
    {
        Assert.Equal("1250.00", Money.Of(1250m).ToString());
        Assert.Equal("-3.10", Money.Of(-3.1m).ToString());
        Assert.Equal("0.05", Money.FromCents(5).ToString());
        Assert.Equal("0.00", Money.Zero.ToString());
        Assert.Equal("0.00", (-Money.Zero).ToString());
        Assert.Equal("0.00", (Money.Of(12.5m) - Money.Of(12.50m)).ToString());
    }

    [Fact]
    public void The_same_amount_written_with_or_without_trailing_zeros_is_equal()
    {
        Assert.Equal(Money.Of(1.5m), Money.Of(1.50m));
        Assert.Equal(Money.Of(1.5m).GetHashCode(), Money.Of(1.50m).GetHashCode());
        Assert.Equal(150, Money.Of(1.5m).Cents);
    }

    [Fact]
    public void Signs_compare_and_bound_as_a_poster_expects()
    {
        var credit = Money.Of(-20m);
        var owed = Money.Of(35.25m);
        Assert.True(credit.IsNegative && !credit.IsPositive && !credit.IsZero);
        Assert.True(owed.IsPositive);
        Assert.True(Money.Zero.IsZero);
        Assert.Equal(credit, Money.Min(credit, owed));
        Assert.Equal(owed, Money.Max(credit, owed));
        Assert.True(credit < owed && owed > credit && credit <= Money.Of(-20m) && owed >= Money.Of(35.25m));
        Assert.Equal(Money.Of(20m), credit.Negate());
        Assert.Equal(Money.Of(15.25m), owed.Add(credit));
        Assert.Equal(Money.Of(55.25m), owed.Subtract(credit));
        Assert.True(credit.CompareTo(owed) < 0);
        Assert.False(owed.Equals((object)35.25m));
    }

    [Property(MaxTest = 1000)]
    public Property Cents_round_trip_through_amount_and_text()
    {
        return Prop.ForAll(Cents.ToArbitrary(), cents =>
        {
            var money = Money.FromCents(cents);
            Assert.Equal(cents, money.Cents);
            Assert.True(Money.TryParse(money.ToString(), out var parsed, out _));
            Assert.Equal(money, parsed);
            Assert.Matches(@"^-?[0-9]+\.[0-9]{2}$", money.ToString());
        });
    }

    [Property(MaxTest = 1000)]
    public Property Addition_and_subtraction_are_exact_in_cents()
    {
        return Prop.ForAll(Gen.Zip(Cents, Cents).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            Assert.Equal(a + b, (Money.FromCents(a) + Money.FromCents(b)).Cents);
            Assert.Equal(a - b, (Money.FromCents(a) - Money.FromCents(b)).Cents);
            Assert.Equal(Money.FromCents(a), Money.FromCents(a) + Money.FromCents(b) - Money.FromCents(b));
        });
    }
}
