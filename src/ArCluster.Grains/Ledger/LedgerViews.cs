using System.Collections.Immutable;
using ArCluster.Abstractions.Ledger;
using ArCluster.Domain.Ledger;

namespace ArCluster.Grains.Ledger;

/// <summary>Ledger values as clients see them.</summary>
internal static class LedgerViews
{
    public static EntryView ToView(this LedgerEntry entry) => new(
        entry.EntryId,
        (LedgerEntryKind)entry.Kind,
        entry.Amount.Amount,
        (Party)entry.Party,
        entry.ToParty is { } to ? (Party)to : null,
        entry.LineNumber,
        entry.Group?.ToString(),
        entry.Reason?.Value,
        entry.PayerId,
        entry.Reverses,
        entry.ReversedKind is { } kind ? (LedgerEntryKind)kind : null,
        entry.EffectiveDate,
        entry.Memo);

    public static PostingView ToView(
        this ArCluster.Domain.Identifiers.PostingId postingId,
        long version,
        string operation,
        DateTimeOffset postedAt,
        string postedBy,
        ImmutableArray<LedgerEntry> entries,
        string? memo) =>
        new(postingId.Value, version, operation, postedAt, postedBy, [.. entries.Select(e => e.ToView())], memo);

    public static BalanceView ToView(this PartyBalances balances) =>
        new(balances.Primary.Amount, balances.Secondary.Amount, balances.Patient.Amount, balances.Total.Amount);

    public static TotalsView ToView(this LedgerTotals totals) => new(
        totals.Charges.Amount,
        totals.PayerPayments.Amount,
        totals.PatientPayments.Amount,
        totals.Adjustments.Amount,
        totals.Refunds.Amount,
        totals.Balance.Amount);
}
