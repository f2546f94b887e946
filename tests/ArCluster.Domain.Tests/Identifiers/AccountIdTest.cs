using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Tests.Identifiers;

public class AccountIdTest
{
    [Fact]
    public void Account_numbers_are_trimmed_and_kept_as_typed()
    {
        Assert.True(AccountId.TryParse(" A-1001 ", out var id, out _));
        Assert.Equal("A-1001", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("A/1001")]
    [InlineData("A:1001")]
    [InlineData("a-very-long-account-number-0000001")]
    public void Account_numbers_unsafe_in_keys_or_longer_than_30_are_rejected(string raw) =>
        Assert.False(AccountId.TryParse(raw, out _, out _));
}
