using System.Collections.Immutable;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Accounts;

/// <summary>One change to an account as the journal keeps it. Money entries on an account are its unapplied credit.</summary>
public sealed record AccountPosting(
    PostingId PostingId,
    long Version,
    AccountOperation Operation,
    DateTimeOffset PostedAt,
    string PostedBy,
    ImmutableArray<LedgerEntry> Entries)
{
    /// <summary>The account as opened; only on the <see cref="AccountOperation.Open"/> posting.</summary>
    public AccountDetails? Details { get; init; }

    /// <summary>The payment this posting belongs to (received, applied, settled, reversed).</summary>
    public PostingId? PaymentId { get; init; }

    public PatientPaymentReceipt? Receipt { get; init; }

    /// <summary>The claim attached, applied to, or whose application was reversed.</summary>
    public ClaimId? ClaimId { get; init; }

    /// <summary>The attached claim's first date of service, or the effective date of a payment reversal.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The amount applied to (or taken back from) the claim, or left as credit when a payment settles.</summary>
    public Money? ClaimAmount { get; init; }

    public string? Memo { get; init; }
}
