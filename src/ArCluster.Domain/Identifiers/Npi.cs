namespace ArCluster.Domain.Identifiers;

/// <summary>
/// National Provider Identifier: ten digits whose last is a Luhn check digit computed over the
/// number prefixed with the card issuer prefix 80840 (CMS NPI check digit standard).
/// </summary>
public readonly record struct Npi
{
    private const int PrefixLuhnContribution = 24; // Luhn sum of the doubled-position digits of "80840".

    private Npi(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? raw, out Npi npi, out string error)
    {
        npi = default;
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length != 10 || !text.All(char.IsAsciiDigit))
        {
            error = $"'{raw}' is not an NPI: an NPI is exactly 10 digits";
            return false;
        }

        var expected = CheckDigit(text.AsSpan(0, 9));
        if (text[9] - '0' != expected)
        {
            error = $"'{text}' fails the NPI check digit (expected last digit {expected})";
            return false;
        }

        npi = new Npi(text);
        error = string.Empty;
        return true;
    }

    /// <summary>The Luhn check digit for the first nine digits of an NPI.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = PrefixLuhnContribution;
        for (var i = 0; i < 9; i++)
        {
            var digit = firstNine[i] - '0';
            // Counting from the right of the full 15-digit number, positions 2, 4, ... are doubled;
            // for the nine NPI digits those are the even indexes.
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
