using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// The funds type that follows an amount in 03 and 16 records, and the fields it brings with it:
/// 0, 1, 2, Z or blank bring none; V brings a value date and time; S brings the immediate, one-day and
/// two-or-more-day amounts; D brings a count of distributions and that many (days, amount) pairs.
/// Knowing how many matters: the fields after them (and a 16's text) are found by counting.
/// </summary>
internal static class Bai2FundsType
{
    // A D with more distributions than this is a garbled count, not availability detail.
    private const int MaxDistributions = 99;

    /// <summary>
    /// How many fields after the funds type code at <paramref name="index"/> belong to it; null while
    /// that cannot be known yet (the code, or a D's count, has not been read).
    /// </summary>
    public static int? DetailFieldCount(IReadOnlyList<Bai2Field> fields, int index)
    {
        if (index >= fields.Count)
        {
            return null;
        }

        switch (fields[index].Value.Trim().ToUpperInvariant())
        {
            case "V":
                return 2;
            case "S":
                return 3;
            case "D":
                if (index + 1 >= fields.Count)
                {
                    return null;
                }

                return Bai2Values.TryParseCount(fields[index + 1].Value.Trim(), out var count) && count <= MaxDistributions ? 1 + (2 * count) : 1;
            default:
                return 0;
        }
    }

    /// <summary>Checks the funds type at <paramref name="index"/> and its detail fields; returns the value date of a V.</summary>
    public static DateOnly? Check(Bai2Split split, int index, string record, ErrorList errors)
    {
        var code = split[index];
        switch (code.Value.ToUpperInvariant())
        {
            case "" or "0" or "1" or "2" or "Z":
                return null;
            case "V":
                return CheckValueDate(split, index, record, errors);
            case "S":
                CheckAmount(split[index + 1], "immediate availability amount (funds type S)", record, errors);
                CheckAmount(split[index + 2], "one-day availability amount (funds type S)", record, errors);
                CheckAmount(split[index + 3], "two-or-more-day availability amount (funds type S)", record, errors);
                return null;
            case "D":
                CheckDistributions(split, index, record, errors);
                return null;
            default:
                errors.Add(code.Line, record, $"funds type '{code.Value}' is not one of 0, 1, 2, V, S, D, Z", "funds type");
                return null;
        }
    }

    private static DateOnly? CheckValueDate(Bai2Split split, int index, string record, ErrorList errors)
    {
        var date = split[index + 1];
        var time = split[index + 2];
        if (!time.IsEmpty && !IsTime(time.Value))
        {
            errors.Add(time.Line, record, $"value time '{time.Value}' (funds type V) is not a time of day in HHMM form (0000 to 2400, or 9999 for end of day)", "value time");
        }

        if (Bai2Values.TryParseDate(date.Value, out var valueDate))
        {
            return valueDate;
        }

        errors.Add(date.Line, record, $"value date '{date.Value}' (funds type V) is not a date in YYMMDD form", "value date");
        return null;
    }

    private static void CheckDistributions(Bai2Split split, int index, string record, ErrorList errors)
    {
        var count = split[index + 1];
        if (!Bai2Values.TryParseCount(count.Value, out var distributions) || distributions > MaxDistributions)
        {
            errors.Add(count.Line, record, $"number of distributions '{count.Value}' (funds type D) is not a count from 0 to {MaxDistributions}", "funds type");
            return;
        }

        for (var i = 0; i < distributions; i++)
        {
            var days = split[index + 2 + (2 * i)];
            if (!Bai2Values.TryParseCount(days.Value, out _))
            {
                errors.Add(days.Line, record, $"availability in days '{days.Value}' of distribution {i + 1} (funds type D) is not a number of days", "funds type");
            }

            CheckAmount(split[index + 3 + (2 * i)], $"amount of distribution {i + 1} (funds type D)", record, errors);
        }
    }

    private static void CheckAmount(Bai2Field field, string name, string record, ErrorList errors)
    {
        if (!field.IsEmpty && Bai2Values.ParseAmount(field.Value, out _) is { } problem)
        {
            errors.Add(field.Line, record, $"{name} {problem}", "funds type");
        }
    }

    // BAI2 times run 0000–2400; some banks send 9999 for end of day.
    private static bool IsTime(string text)
    {
        if (text == "9999")
        {
            return true;
        }

        if (text.Length != 4 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hhmm = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return hhmm <= 2400 && hhmm % 100 < 60;
    }
}
