using System.Globalization;

namespace ArCluster.BankFiles.Bai2;

/// <summary>BAI2 data types: amounts in whole cents, YYMMDD dates, counts, type codes.</summary>
internal static class Bai2Values
{
    /// <summary>More digits than this would not fit a long; no real balance report comes close.</summary>
    private const int MaxAmountDigits = 18;

    /// <summary>
    /// An amount: whole cents (the currency's implied decimals; USD has 2), optionally signed. Null when
    /// valid, else why not, as the end of a sentence that starts with the field's name.
    /// </summary>
    public static string? ParseAmount(string text, out long cents)
    {
        cents = 0;
        var digits = text.AsSpan();
        var negative = false;
        if (digits.Length > 0 && digits[0] is '+' or '-')
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        if (digits.IsEmpty || !IsDigits(digits))
        {
            return text.Contains('.', StringComparison.Ordinal)
                ? $"'{text}' is not a whole number of cents: BAI2 amounts carry no decimal point (1234 is 12.34)"
                : $"'{text}' is not a whole number of cents";
        }

        if (digits.Length > MaxAmountDigits)
        {
            return $"'{text}' has more than {MaxAmountDigits} digits";
        }

        cents = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            cents = -cents;
        }

        return null;
    }

    /// <summary>A YYMMDD date. Two-digit years are 2000–2099: deposit files report days, not history.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        return text.Length == 6
            && IsDigits(text)
            && DateOnly.TryParseExact("20" + text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A record or item count: unsigned digits.</summary>
    public static bool TryParseCount(string text, out int count)
    {
        count = 0;
        return text.Length is > 0 and <= 9 && IsDigits(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>A type code: exactly three digits (001–999).</summary>
    public static bool TryParseTypeCode(string text, out int code)
    {
        code = 0;
        return text.Length == 3 && IsDigits(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    public static string Describe(long cents) => $"{cents.ToString(CultureInfo.InvariantCulture)} ({Internal.Cents.Format(cents)})";

    public static string Describe(decimal cents) => $"{cents.ToString("0", CultureInfo.InvariantCulture)} ({Internal.Cents.Format(cents)})";

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
