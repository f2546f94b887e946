using System.Collections.Immutable;
using ArCluster.Abstractions.Reconciliation;
using ArCluster.Domain;
using ArCluster.Domain.Reconciliation;

namespace ArCluster.Grains.Reconciliation;

/// <summary>Reconciliation figures and reassociation as the wire carries them; practices' views add up to the company's.</summary>
internal static class ReconciliationViews
{
    public static ReconciliationView ToView(string scope, DateOnly firstDay, DateOnly lastDay, IReadOnlyCollection<KeyValuePair<TotalKey, Money>> lines, ImmutableArray<string> practices, DateTimeOffset asOf) =>
        new(scope, firstDay, lastDay, ToView(ReconciliationFigures.Of(lines)),
            ReconciliationFigures.ByPayer(lines).ToImmutableDictionary(p => p.Key, p => ToView(p.Value), StringComparer.Ordinal),
            practices, asOf);

    public static ReconciliationFiguresView ToView(ReconciliationFigures figures) => new(
        figures.Charges.Amount,
        figures.PayerPayments.Amount,
        figures.PatientPayments.Amount,
        figures.Adjustments.Amount,
        figures.AdjustmentsByGroup.ToImmutableDictionary(g => g.Key, g => g.Value.Amount, StringComparer.Ordinal),
        figures.TransfersByParty.ToImmutableDictionary(g => g.Key, g => g.Value.Amount, StringComparer.Ordinal),
        figures.Refunds.Amount,
        figures.ProviderAdjustments.Amount,
        figures.RemittanceAdvices.Amount,
        figures.Deposits.Amount,
        figures.DepositVariance.Amount,
        figures.PostingVariance.Amount);

    public static ReconciliationFiguresView Sum(IEnumerable<ReconciliationFiguresView> views)
    {
        var all = views.ToArray();
        return new ReconciliationFiguresView(
            all.Sum(v => v.Charges),
            all.Sum(v => v.PayerPayments),
            all.Sum(v => v.PatientPayments),
            all.Sum(v => v.Adjustments),
            SumByKey(all.Select(v => v.AdjustmentsByGroup)),
            SumByKey(all.Select(v => v.TransfersByParty)),
            all.Sum(v => v.Refunds),
            all.Sum(v => v.ProviderAdjustments),
            all.Sum(v => v.RemittanceAdvices),
            all.Sum(v => v.Deposits),
            all.Sum(v => v.DepositVariance),
            all.Sum(v => v.PostingVariance));
    }

    public static ReassociationView ToView(string scope, IEnumerable<ReassociationItem> items, bool unmatchedOnly)
    {
        var all = items.ToArray();
        int Count(ReassociationState state) => all.Count(i => i.State == state);
        return new ReassociationView(
            scope,
            Count(ReassociationState.Matched),
            Count(ReassociationState.AmountMismatch),
            Count(ReassociationState.RemittanceWithoutDeposit),
            Count(ReassociationState.DepositWithoutRemittance),
            [.. all.Where(i => !unmatchedOnly || i.State != ReassociationState.Matched)]);
    }

    public static ReassociationItem ToItem(string practiceId, ReassociationMatch match) => new(
        practiceId,
        match.Reference,
        (ReassociationState)match.Status,
        match.RemittanceAmount.Amount,
        match.DepositAmount.Amount,
        match.Difference.Amount,
        [.. match.Remittances.Select(r => r.PayerId).Concat(match.Deposits.Select(d => d.PayerId)).OfType<string>().Distinct(StringComparer.Ordinal)],
        match.Remittances.IsEmpty ? null : match.Remittances.Min(r => r.Date),
        match.Deposits.IsEmpty ? null : match.Deposits.Min(d => d.Date));

    private static ImmutableDictionary<string, decimal> SumByKey(IEnumerable<ImmutableDictionary<string, decimal>> maps) =>
        maps.SelectMany(m => m).GroupBy(kv => kv.Key, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
}
