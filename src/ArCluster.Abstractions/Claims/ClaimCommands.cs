using System.Collections.Immutable;
using ArCluster.Abstractions.Ledger;

namespace ArCluster.Abstractions.Claims;

/// <summary>An adjustment with its CAS group (CO, PR, OA, PI) and reason code (CARC).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.CasAdjustment")]
public sealed record CasAdjustment(
    [property: Id(0)] string Group,
    [property: Id(1)] string Reason,
    [property: Id(2)] decimal Amount);

[GenerateSerializer, Immutable, Alias("arcluster.LinePaid")]
public sealed record LinePaid(
    [property: Id(0)] int LineNumber,
    [property: Id(1)] decimal Paid,
    [property: Id(2)] ImmutableArray<CasAdjustment> Adjustments);

/// <summary>A payer's adjudication posted by hand from a paper EOB (835s post through remittance ingestion).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.PostPayerPayment")]
public sealed record PostPayerPayment(
    [property: Id(0)] string PostingId,
    [property: Id(1)] Party Payer,
    [property: Id(2)] DateOnly PaymentDate,
    [property: Id(3)] ImmutableArray<LinePaid> Lines,
    [property: Id(4)] ImmutableArray<CasAdjustment> ClaimAdjustments,
    [property: Id(5)] string? PayerClaimControlNumber,
    [property: Id(6)] string? Memo);

/// <summary>A manual adjustment; a negative amount is a debit adjustment that raises the balance.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.PostAdjustment")]
public sealed record PostAdjustment(
    [property: Id(0)] string PostingId,
    [property: Id(1)] Party Party,
    [property: Id(2)] int? LineNumber,
    [property: Id(3)] string Group,
    [property: Id(4)] string Reason,
    [property: Id(5)] decimal Amount,
    [property: Id(6)] DateOnly Date,
    [property: Id(7)] string? Memo);

/// <summary>Moves a balance between parties; without an amount the whole balance of <see cref="From"/> moves.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.TransferBalance")]
public sealed record TransferBalance(
    [property: Id(0)] string PostingId,
    [property: Id(1)] Party From,
    [property: Id(2)] Party To,
    [property: Id(3)] int? LineNumber,
    [property: Id(4)] decimal? Amount,
    [property: Id(5)] DateOnly Date,
    [property: Id(6)] string? Memo);

/// <summary>Writes off everything a party still owes on the claim (or one line).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.WriteOffBalance")]
public sealed record WriteOffBalance(
    [property: Id(0)] string PostingId,
    [property: Id(1)] Party Party,
    [property: Id(2)] string Group,
    [property: Id(3)] string Reason,
    [property: Id(4)] int? LineNumber,
    [property: Id(5)] DateOnly Date,
    [property: Id(6)] string? Memo);

/// <summary>Refunds part or all of a party's credit balance on the claim.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.RefundClaimCredit")]
public sealed record RefundClaimCredit(
    [property: Id(0)] string PostingId,
    [property: Id(1)] Party Party,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] int? LineNumber,
    [property: Id(4)] DateOnly Date,
    [property: Id(5)] string? Memo);

/// <summary>Reverses an earlier posting (all of its entries) or a single entry, by id.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ReversePosting")]
public sealed record ReversePosting(
    [property: Id(0)] string PostingId,
    [property: Id(1)] string Target,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string? Memo);

/// <summary>Moves the claim along its life cycle (e.g. to Appealed or Corrected); Closed follows the balance and cannot be asked for.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.ChangeClaimStatus")]
public sealed record ChangeClaimStatus(
    [property: Id(0)] string PostingId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Memo);
