using System.Globalization;

namespace ArCluster.BankFiles.Internal;

/// <summary>Whole cents to dollars and back to text, the same way in every message.</summary>
internal static class Cents
{
    /// <summary>Dollars with exactly two decimals (multiplying by 0.01m keeps the scale at 2: 100 cents is 1.00, not 1).</summary>
    public static decimal ToDollars(long cents) => cents * 0.01m;

    public static decimal ToDollars(decimal cents) => cents * 0.01m;

    /// <summary>"1234.50", "-0.07": invariant, no thousands separator, as an operator would type it back.</summary>
    public static string Format(decimal cents) => ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);
}
