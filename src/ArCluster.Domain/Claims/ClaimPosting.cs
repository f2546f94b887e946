using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Claims;

/// <summary>
/// One change to a claim, as the journal keeps it: its idempotency key, the claim version it
/// created, the entries it posted (possibly none, for a status change) and the status after it.
/// </summary>
public sealed record ClaimPosting(
    PostingId PostingId,
    long Version,
    ClaimOperation Operation,
    DateTimeOffset PostedAt,
    string PostedBy,
    ImmutableArray<LedgerEntry> Entries,
    ClaimStatus Status)
{
    /// <summary>The claim as entered; only on the <see cref="ClaimOperation.Open"/> posting.</summary>
    public ClaimDetails? Details { get; init; }

    /// <summary>The payer's claim control number (835 CLP07) for a payer payment.</summary>
    public string? PayerClaimControlNumber { get; init; }

    public string? Memo { get; init; }

    /// <summary>Remark codes (RARC) the payer gave with its adjudication.</summary>
    public ImmutableArray<RemarkCode> Remarks { get; init; } = [];

    /// <summary>The payer the claim was forwarded to (crossover): do not bill it yourself.</summary>
    public string? ForwardedTo { get; init; }

    public Money Amount(EntryKind kind) => Money.Sum(Entries.Where(e => e.Kind == kind).Select(e => e.Amount));
}
