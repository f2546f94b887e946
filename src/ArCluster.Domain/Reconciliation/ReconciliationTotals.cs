using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Reconciliation;

/// <summary>
/// A practice's running totals by <see cref="TotalKey"/>: the ledger folded into the lines
/// supervisors reconcile. Deterministic, so a fold of the journal is the check on a live copy.
/// </summary>
public sealed class ReconciliationTotals
{
    private readonly Dictionary<TotalKey, Money> _lines = [];

    public ReconciliationTotals()
    {
    }

    public ReconciliationTotals(IEnumerable<KeyValuePair<TotalKey, Money>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var (key, amount) in lines)
        {
            Add(key, amount);
        }
    }

    public IReadOnlyDictionary<TotalKey, Money> Lines => _lines;

    /// <summary>The lines <paramref name="entry"/> moves and by how much; none for an entry no total counts.</summary>
    public static IEnumerable<KeyValuePair<TotalKey, Money>> Contributions(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var amount = entry.Sign < 0 ? -entry.Amount : entry.Amount;
        var payer = entry.PayerId ?? string.Empty;
        TotalKey? key = entry.TotalKind switch
        {
            EntryKind.Charge => new(entry.EffectiveDate, TotalCategory.Charges, string.Empty, string.Empty),
            EntryKind.PayerPayment => new(entry.EffectiveDate, TotalCategory.PayerPayments, payer, string.Empty),
            EntryKind.PatientPayment => new(entry.EffectiveDate, TotalCategory.PatientPayments, string.Empty, string.Empty),
            EntryKind.Adjustment => new(entry.EffectiveDate, TotalCategory.Adjustments, payer, entry.Group?.ToString() ?? string.Empty),
            EntryKind.Transfer => new(entry.EffectiveDate, TotalCategory.Transfers, payer, entry.ToParty?.ToString() ?? string.Empty),
            EntryKind.Refund => new(entry.EffectiveDate, TotalCategory.Refunds, string.Empty, string.Empty),
            EntryKind.ProviderAdjustment => new(entry.EffectiveDate, TotalCategory.ProviderAdjustments, payer, string.Empty),
            EntryKind.RemittanceAdvice => new(entry.EffectiveDate, TotalCategory.RemittanceAdvices, payer, string.Empty),
            // A bank credit names the payer by tax id (TRN03) at best, not by the payer id 835s use;
            // deposits reconcile per practice and day, and against 835s by trace.
            EntryKind.Deposit => new(entry.EffectiveDate, TotalCategory.Deposits, string.Empty, string.Empty),
            _ => null,
        };
        return key is { } line ? [new(line, amount)] : [];
    }

    /// <summary>Adds <paramref name="entry"/> and returns the lines it changed.</summary>
    public IEnumerable<TotalKey> Apply(LedgerEntry entry)
    {
        var changed = new List<TotalKey>(1);
        foreach (var (key, amount) in Contributions(entry))
        {
            Add(key, amount);
            changed.Add(key);
        }

        return changed;
    }

    /// <summary>What the lines <paramref name="entries"/> would change come to after them; this stays as it is.</summary>
    public IReadOnlyDictionary<TotalKey, Money> Preview(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var changed = new Dictionary<TotalKey, Money>();
        foreach (var entry in entries)
        {
            foreach (var (key, amount) in Contributions(entry))
            {
                changed[key] = (changed.TryGetValue(key, out var sum) ? sum : this[key]) + amount;
            }
        }

        return changed;
    }

    /// <summary>Takes the lines of a <see cref="Preview"/> once they are stored.</summary>
    public void Set(IEnumerable<KeyValuePair<TotalKey, Money>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var (key, amount) in lines)
        {
            _lines[key] = amount;
        }
    }

    public Money this[TotalKey key] => _lines.GetValueOrDefault(key);

    /// <summary>The lines whose days fall in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IEnumerable<KeyValuePair<TotalKey, Money>> Between(DateOnly from, DateOnly to) =>
        _lines.Where(l => l.Key.Day >= from && l.Key.Day <= to);

    /// <summary>Every line in [<paramref name="from"/>, <paramref name="to"/>] where this and <paramref name="expected"/> differ.</summary>
    public IReadOnlyList<TotalDifference> CompareWith(ReconciliationTotals expected, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return [.. Between(from, to).Select(l => l.Key)
            .Union(expected.Between(from, to).Select(l => l.Key))
            .Select(key => new TotalDifference(key, expected[key], this[key]))
            .Where(d => d.Expected != d.Actual)
            .OrderBy(d => d.Key.Day).ThenBy(d => d.Key.Category).ThenBy(d => d.Key.Payer, StringComparer.Ordinal).ThenBy(d => d.Key.Detail, StringComparer.Ordinal)];
    }

    private void Add(TotalKey key, Money amount) => _lines[key] = _lines.GetValueOrDefault(key) + amount;
}

/// <summary>A line where the totals kept and the totals expected (the journal) disagree.</summary>
public sealed record TotalDifference(TotalKey Key, Money Expected, Money Actual);
