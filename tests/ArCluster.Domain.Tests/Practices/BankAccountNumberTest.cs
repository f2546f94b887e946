using ArCluster.Domain.Practices;

namespace ArCluster.Domain.Tests.Practices;

public class BankAccountNumberTest
{
    [Theory]
    [InlineData("000123456789", "000123456789")]
    [InlineData("  000123456789 ", "000123456789")]
    [InlineData("1234", "1234")]
    [InlineData("12345678901234567", "12345678901234567")]
    public void Account_numbers_keep_their_leading_zeros_and_lose_surrounding_blanks(string raw, string stored)
    {
        Assert.True(BankAccountNumber.TryParse(raw, out var account, out _));
        Assert.Equal(stored, account.Value);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789012345678")]
    [InlineData("12-3456")]
    [InlineData("1234 5678")]
    [InlineData("12345AB")]
    [InlineData("１２３４５")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_4_to_17_digits_is_not_an_account_number(string? raw)
    {
        Assert.False(BankAccountNumber.TryParse(raw, out _, out var error));
        Assert.EndsWith("is not a bank account number: 4 to 17 digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_number_prints_as_its_last_four_digits_only()
    {
        Assert.True(BankAccountNumber.TryParse("000123456789", out var account, out _));

        Assert.Equal("••••6789", account.Masked);
        Assert.Equal("••••6789", account.ToString());
        Assert.Equal("••••6789", $"{account}");
    }
}
