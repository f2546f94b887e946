using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.Reconciliation;

/// <summary>Ledger entries as reconciliation receives them, on the days and from the payers a test names.</summary>
public static class CashEntries
{
    /// <summary>The business day the reconciliation tests post on (a Monday).</summary>
    public static readonly DateOnly Monday = new(2025, 3, 17);

    public static LedgerEntry Entry(string entryId, EntryKind kind, decimal amount, string? payer = Medicare, DateOnly? day = null) =>
        new(entryId, kind, Usd(amount), ResponsibleParty.Primary, day ?? Monday) { PayerId = payer };

    public static LedgerEntry Adjustment(string entryId, AdjustmentGroup group, decimal amount, string? payer = Medicare, DateOnly? day = null) =>
        Entry(entryId, EntryKind.Adjustment, amount, payer, day) with { Group = group, Reason = Carc(group == AdjustmentGroup.PR ? "2" : "45") };

    public static LedgerEntry Transfer(string entryId, ResponsibleParty from, ResponsibleParty to, decimal amount, string? payer = Medicare, DateOnly? day = null) =>
        Entry(entryId, EntryKind.Transfer, amount, payer, day) with { Party = from, ToParty = to };

    /// <summary>An 835's payment (BPR02) under its trace number (TRN02).</summary>
    public static LedgerEntry Advice(string entryId, string trace, decimal amount, string? payer = Medicare, DateOnly? day = null) =>
        Entry(entryId, EntryKind.RemittanceAdvice, amount, payer, day) with { Reference = trace };

    /// <summary>Money that reached the bank under a trace or check number.</summary>
    public static LedgerEntry Deposit(string entryId, string reference, decimal amount, string? payer = Medicare, DateOnly? day = null) =>
        Entry(entryId, EntryKind.Deposit, amount, payer, day) with { Reference = reference };
}
