using System.Globalization;

namespace ArCluster.Simulation;

/// <summary>Dollar amounts as the files write them. Always decimal with two places; never a double.</summary>
internal static class Amounts
{
    /// <summary>Cents as a decimal with scale 2 (185.00, not 185), as the JSON samples write charges.</summary>
    public static decimal FromCents(long cents) => (cents / 100m) + 0.00m;

    /// <summary>Rounded half away from zero to cents, with scale 2.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>An X12 R value: trailing zeros dropped as the standard asks (245, 118.1, -12.5).</summary>
    public static string X12(decimal amount) => Round(amount).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A CSV amount: two decimals, no separators.</summary>
    public static string Csv(decimal amount) => Round(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
