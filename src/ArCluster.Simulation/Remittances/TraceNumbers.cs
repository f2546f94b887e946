using System.Globalization;
using ArCluster.Simulation.Catalog;

namespace ArCluster.Simulation.Remittances;

/// <summary>
/// TRN02, unique per payer, practice and payment day: EFT traces carry the payer's prefix, check
/// numbers are all digits and start with the payer's digit, so no two ever normalize alike (ArCluster
/// compares references without case, spaces or leading zeros).
/// </summary>
internal static class TraceNumbers
{
    public static string Eft(PayerProfile payer, int practice, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{payer.TracePrefix}{day:yyMMdd}{practice + 1:D4}");

    public static string Check(PayerProfile payer, int practice, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{payer.Index + 1}{day:yyMMdd}{practice + 1:D4}");
}
