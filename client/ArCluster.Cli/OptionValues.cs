using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli;

/// <summary>
/// Strict parsing of the values people type on the command line: amounts in whole cents and ISO
/// dates, the same whatever the machine's culture. Settings check them in <c>Validate</c>, so a bad
/// value is a usage error (exit code 64) before anything reaches the cluster.
/// </summary>
internal static partial class OptionValues
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Combines the problems found (null for none) into one validation result.</summary>
    public static ValidationResult Validate(IEnumerable<string?> problems)
    {
        var found = problems.OfType<string>().ToArray();
        return found.Length == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(Environment.NewLine, found));
    }

    /// <summary>"125", "125.5", "125.50" or "-5.00": digits, an optional leading minus, at most two decimals.</summary>
    public static bool TryAmount(string? raw, out decimal amount, out string error)
    {
        amount = 0m;
        if (raw is null || !AmountPattern().IsMatch(raw)
            || !decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            error = $"'{raw}' is not an amount: use digits with an optional '.' and at most two decimals, e.g. 50.00";
            return false;
        }

        error = string.Empty;
        return true;
    }

    public static bool TryDate(string? raw, out DateOnly date, out string error)
    {
        if (DateOnly.TryParseExact(raw, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = string.Empty;
            return true;
        }

        error = $"'{raw}' is not a date: use {DateFormat}, e.g. 2026-11-02";
        return false;
    }

    /// <summary>A service line number: 1 to 999, digits only.</summary>
    public static bool TryLine(string? raw, out int line, out string error)
    {
        if (raw is not null && LinePattern().IsMatch(raw))
        {
            line = int.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture);
            error = string.Empty;
            return true;
        }

        line = 0;
        error = $"'{raw}' is not a line number: use 1, 2, 3 ...";
        return false;
    }

    /// <summary>One of an enum's names, ignoring case; numbers are not accepted.</summary>
    public static bool TryName<T>(string? raw, out T value, out string error)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, raw, StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            value = Enum.Parse<T>(name);
            error = string.Empty;
            return true;
        }

        value = default;
        error = $"'{raw}' is not one of {Names<T>()}";
        return false;
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    public static string? CheckAmount(string option, string? raw) =>
        raw is null || TryAmount(raw, out _, out var error) ? null : $"{option}: {error}";

    public static string? CheckDate(string option, string? raw) =>
        raw is null || TryDate(raw, out _, out var error) ? null : $"{option}: {error}";

    public static string? CheckLine(string option, string? raw) =>
        raw is null || TryLine(raw, out _, out var error) ? null : $"{option}: {error}";

    public static string? CheckName<T>(string option, string? raw)
        where T : struct, Enum => raw is null || TryName<T>(raw, out _, out var error) ? null : $"{option}: {error}";

    // The values below were checked by the settings' Validate before the command runs.
    public static decimal Amount(string raw) => TryAmount(raw, out var amount, out var error) ? amount : throw new InvalidOperationException(error);

    public static decimal? OptionalAmount(string? raw) => raw is null ? null : Amount(raw);

    public static DateOnly Date(string raw) => TryDate(raw, out var date, out var error) ? date : throw new InvalidOperationException(error);

    public static int? OptionalLine(string? raw) =>
        raw is null ? null : TryLine(raw, out var line, out var error) ? line : throw new InvalidOperationException(error);

    public static T Name<T>(string raw)
        where T : struct, Enum => TryName<T>(raw, out var value, out var error) ? value : throw new InvalidOperationException(error);

    [GeneratedRegex(@"^-?[0-9]{1,12}(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex("^[1-9][0-9]{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
