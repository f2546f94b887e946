using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Deposits;

/// <summary>A deposit in the ledger: the one posting of its stream, one entry that changes no balance.</summary>
public sealed record DepositPosting(
    PostingId PostingId,
    long Version,
    DateTimeOffset PostedAt,
    string PostedBy,
    BankDeposit Deposit,
    ImmutableArray<LedgerEntry> Entries)
{
    public static DepositPosting Of(PostingContext context, BankDeposit deposit)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(deposit);
        var entry = new LedgerEntry(context.EntryId(1), EntryKind.Deposit, deposit.Amount, ResponsibleParty.Primary, deposit.DepositDate)
        {
            PayerId = deposit.PayerId,
            Reference = deposit.Reference,
            Memo = deposit.BankReference is null ? deposit.Method.ToString() : $"{deposit.Method} bank ref {deposit.BankReference}",
        };
        return new DepositPosting(context.PostingId, 1, context.PostedAt, context.PostedBy, deposit, [entry]);
    }
}
