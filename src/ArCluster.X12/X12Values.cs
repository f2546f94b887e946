namespace ArCluster.X12;

/// <summary>Why an element's text is not a valid value.</summary>
public enum X12ValueProblem
{
    None,
    Empty,
    NotANumber,
    TooManyDigits,
    TooManyDecimals,
    NotADate,
}

/// <summary>Parsing X12 data types straight from element bytes (no strings, no culture).</summary>
public static class X12Values
{
    /// <summary>Most digits an X12 numeric (R/N) element may carry.</summary>
    public const int MaxDigits = 18;

    /// <summary>
    /// Parses an X12 decimal (type R): an optional leading '-', digits and at most one '.', at most
    /// <see cref="MaxDigits"/> digits and at most <paramref name="maxDecimals"/> after the point.
    /// The result keeps the scale written (12.50 stays 12.50). No '+', exponent, spaces or thousands separators.
    /// </summary>
    public static X12ValueProblem TryParseDecimal(ReadOnlySpan<byte> text, int maxDecimals, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty)
        {
            return X12ValueProblem.Empty;
        }

        var i = 0;
        var negative = false;
        if (text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var digit = unchecked((uint)(text[i] - '0'));
            if (digit <= 9)
            {
                if (digits == MaxDigits)
                {
                    return X12ValueProblem.TooManyDigits;
                }

                mantissa = unchecked((mantissa * 10) + digit); // at most 18 digits: cannot overflow
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (text[i] == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return X12ValueProblem.NotANumber;
            }
        }

        if (digits == 0)
        {
            return X12ValueProblem.NotANumber;
        }

        if (scale > maxDecimals)
        {
            return X12ValueProblem.TooManyDecimals;
        }

        unchecked
        {
            value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative && mantissa != 0, (byte)Math.Max(scale, 0));
        }

        return X12ValueProblem.None;
    }

    /// <summary>Parses an X12 date (type DT, CCYYMMDD).</summary>
    public static X12ValueProblem TryParseDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        value = default;
        if (text.IsEmpty)
        {
            return X12ValueProblem.Empty;
        }

        if (text.Length != 8)
        {
            return X12ValueProblem.NotADate;
        }

        var number = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if (digit is < 0 or > 9)
            {
                return X12ValueProblem.NotADate;
            }

            number = unchecked((number * 10) + digit); // 8 digits: cannot overflow
        }

        var year = number / 10000;
        var month = number / 100 % 100;
        var day = number % 100;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return X12ValueProblem.NotADate;
        }

        value = new DateOnly(year, month, day);
        return X12ValueProblem.None;
    }
}
