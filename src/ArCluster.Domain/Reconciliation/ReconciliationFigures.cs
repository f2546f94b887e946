using System.Collections.Immutable;

namespace ArCluster.Domain.Reconciliation;

/// <summary>
/// Reconciliation lines summed over a period (and any set of practices): the figures a supervisor
/// signs off, by category and by payer.
/// </summary>
public sealed record ReconciliationFigures(
    Money Charges,
    Money PayerPayments,
    Money PatientPayments,
    ImmutableSortedDictionary<string, Money> AdjustmentsByGroup,
    ImmutableSortedDictionary<string, Money> TransfersByParty,
    Money Refunds,
    Money ProviderAdjustments,
    Money RemittanceAdvices,
    Money Deposits)
{
    public Money Adjustments => AdjustmentsByGroup.Values.Aggregate(Money.Zero, (sum, a) => sum + a);

    /// <summary>Money in the bank less money the 835s say was sent: negative while EFTs are still to arrive.</summary>
    public Money DepositVariance => Deposits - RemittanceAdvices;

    /// <summary>
    /// 835 payments not (yet) posted to claims: BPR02 + PLB − payer payments posted. Zero when every
    /// payer payment came by 835 and every claim payment found its claim; payments posted from paper
    /// EOBs make it negative.
    /// </summary>
    public Money PostingVariance => RemittanceAdvices + ProviderAdjustments - PayerPayments;

    public static ReconciliationFigures Of(IEnumerable<KeyValuePair<TotalKey, Money>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sums = new Dictionary<TotalCategory, Money>();
        var adjustments = new SortedDictionary<string, Money>(StringComparer.Ordinal);
        var transfers = new SortedDictionary<string, Money>(StringComparer.Ordinal);
        foreach (var (key, amount) in lines)
        {
            sums[key.Category] = sums.GetValueOrDefault(key.Category) + amount;
            var details = key.Category switch
            {
                TotalCategory.Adjustments => adjustments,
                TotalCategory.Transfers => transfers,
                _ => null,
            };
            if (details is not null)
            {
                details[key.Detail] = details.GetValueOrDefault(key.Detail) + amount;
            }
        }

        return new ReconciliationFigures(
            sums.GetValueOrDefault(TotalCategory.Charges),
            sums.GetValueOrDefault(TotalCategory.PayerPayments),
            sums.GetValueOrDefault(TotalCategory.PatientPayments),
            adjustments.ToImmutableSortedDictionary(StringComparer.Ordinal),
            transfers.ToImmutableSortedDictionary(StringComparer.Ordinal),
            sums.GetValueOrDefault(TotalCategory.Refunds),
            sums.GetValueOrDefault(TotalCategory.ProviderAdjustments),
            sums.GetValueOrDefault(TotalCategory.RemittanceAdvices),
            sums.GetValueOrDefault(TotalCategory.Deposits));
    }

    /// <summary>The figures of each payer that has any, payer id order.</summary>
    public static ImmutableSortedDictionary<string, ReconciliationFigures> ByPayer(IEnumerable<KeyValuePair<TotalKey, Money>> lines) =>
        lines.Where(l => l.Key.Payer.Length > 0)
            .GroupBy(l => l.Key.Payer, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => Of(g), StringComparer.Ordinal);
}
