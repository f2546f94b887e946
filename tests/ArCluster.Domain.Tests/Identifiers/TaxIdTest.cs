using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Tests.Identifiers;

public class TaxIdTest
{
    [Theory]
    [InlineData("12-3456789")]
    [InlineData("123456789")]
    public void Both_EIN_spellings_normalize_to_nine_digits(string raw)
    {
        Assert.True(TaxId.TryParse(raw, out var taxId, out _));
        Assert.Equal("123456789", taxId.Value);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234-56789")]
    [InlineData("000000000")]
    public void Malformed_tax_ids_are_rejected(string raw) => Assert.False(TaxId.TryParse(raw, out _, out _));
}
