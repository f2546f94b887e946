using System.Collections.Immutable;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Reconciliation;

/// <summary>
/// Reassociation: matching each 835's payment (TRN02 trace, BPR02 amount) with the money that
/// reached the bank under the same trace (an EFT's TRN addenda) or check number. Built from the
/// ledger's remittance-advice and deposit entries, so a reversed deposit or advice drops out.
/// </summary>
public sealed class Reassociation
{
    private readonly Dictionary<string, CashItem> _items = new(StringComparer.Ordinal);

    public static bool Concerns(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.TotalKind is EntryKind.RemittanceAdvice or EntryKind.Deposit;
    }

    /// <summary>Takes in an advice, a deposit or the reversal of one; ignores every other entry.</summary>
    public void Apply(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Concerns(entry))
        {
            return;
        }

        if (entry.Kind == EntryKind.Reversal)
        {
            _items.Remove(entry.Reverses!);
            return;
        }

        _items[entry.EntryId] = new CashItem(entry.EntryId, entry.Kind, entry.Reference ?? string.Empty, entry.Amount, entry.PayerId, entry.EffectiveDate);
    }

    /// <summary>Every trace or check number seen, with its status; references compare without case, spaces or leading zeros.</summary>
    public IReadOnlyList<ReassociationMatch> Matches() =>
        [.. _items.Values
            .GroupBy(i => Normalize(i.Reference), StringComparer.Ordinal)
            .Select(Match)
            .OrderBy(m => m.Reference, StringComparer.Ordinal)];

    /// <summary>The key two spellings of one trace or check number share ("000123 " and "123").</summary>
    public static string Normalize(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var trimmed = reference.Trim().ToUpperInvariant().TrimStart('0');
        return trimmed.Length == 0 && reference.Trim().Length > 0 ? "0" : trimmed;
    }

    private static ReassociationMatch Match(IGrouping<string, CashItem> items)
    {
        var advices = items.Where(i => i.Kind == EntryKind.RemittanceAdvice).OrderBy(i => i.Date).ThenBy(i => i.EntryId, StringComparer.Ordinal).ToImmutableArray();
        var deposits = items.Where(i => i.Kind == EntryKind.Deposit).OrderBy(i => i.Date).ThenBy(i => i.EntryId, StringComparer.Ordinal).ToImmutableArray();
        var announced = advices.Aggregate(Money.Zero, (sum, i) => sum + i.Amount);
        var deposited = deposits.Aggregate(Money.Zero, (sum, i) => sum + i.Amount);
        var status = (advices.IsEmpty, deposits.IsEmpty) switch
        {
            (false, true) when announced.IsZero => ReassociationStatus.Matched,
            (false, true) => ReassociationStatus.RemittanceWithoutDeposit,
            (true, _) => ReassociationStatus.DepositWithoutRemittance,
            _ when announced == deposited => ReassociationStatus.Matched,
            _ => ReassociationStatus.AmountMismatch,
        };
        return new ReassociationMatch(items.Key, status, announced, deposited, advices, deposits);
    }
}
