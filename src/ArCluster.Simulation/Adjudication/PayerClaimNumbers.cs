using System.Globalization;
using ArCluster.Simulation.Catalog;

namespace ArCluster.Simulation.Adjudication;

/// <summary>
/// CLP07, the payer's claim control number (ICN): 13 digits like Medicare's, unique per payer,
/// practice, claim and adjudication. A reversal repeats the number of the payment it reverses.
/// </summary>
internal static class PayerClaimNumbers
{
    public const int Original = 0;
    public const int FirstSplit = 1;
    public const int SecondSplit = 2;
    public const int Correction = 5;
    public const int Unknown = 9;

    public static string Of(PayerProfile payer, int practice, long claim, int adjudication) =>
        string.Create(CultureInfo.InvariantCulture, $"{payer.Index + 2}{practice % 1000:D3}{claim % 100_000_000:D8}{adjudication}");
}
