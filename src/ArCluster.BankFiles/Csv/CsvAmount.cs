using System.Globalization;

namespace ArCluster.BankFiles.Csv;

/// <summary>A CSV amount: dollars with at most two decimals, greater than zero, exactly as written (never rounded).</summary>
internal static class CsvAmount
{
    // Thirteen digits of dollars (under ten trillion) is far beyond any deposit and keeps cents within a long.
    private const int MaxDollarDigits = 13;

    /// <summary>Null when valid, else why not, as the end of a sentence that starts with "amount".</summary>
    public static string? Parse(string text, out long cents)
    {
        cents = 0;
        if (text.StartsWith('-'))
        {
            return $"'{text}' must be greater than zero: a deposit is money received";
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length == 0))
        {
            return $"'{text}' is not a number: write digits with an optional '.' and up to 2 decimals, without '$' or thousands separators (e.g. 1234.56)";
        }

        if (fraction.Length > 2)
        {
            return $"'{text}' has more than 2 decimal places; amounts are whole cents";
        }

        if (whole.TrimStart('0').Length > MaxDollarDigits)
        {
            return $"'{text}' is too large for a deposit";
        }

        cents = (long.Parse(whole.Length == 0 ? "0" : whole, NumberStyles.None, CultureInfo.InvariantCulture) * 100)
            + long.Parse(fraction.PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        return cents == 0 ? $"'{text}' must be greater than zero: a deposit is money received" : null;
    }
}
