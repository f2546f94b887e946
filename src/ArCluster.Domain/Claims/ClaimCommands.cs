using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Claims;

/// <summary>An adjusted amount with its CAS group and reason, e.g. CO-45 40.00.</summary>
public sealed record AdjustmentAmount(AdjustmentGroup Group, AdjustmentReason Reason, Money Amount);

/// <summary>What a payer paid and adjusted on one service line.</summary>
public sealed record LinePayment(int LineNumber, Money Paid, ImmutableArray<AdjustmentAmount> Adjustments);

/// <summary>A payer's adjudication of the claim (a paper EOB, or one 835 claim payment).</summary>
public sealed record PayerPaymentCommand(
    ResponsibleParty Payer,
    DateOnly PaymentDate,
    ImmutableArray<LinePayment> Lines,
    ImmutableArray<AdjustmentAmount> ClaimAdjustments,
    string? PayerClaimControlNumber,
    string? Memo)
{
    /// <summary>
    /// Paid at claim level: an 835 claim with no service detail, a service no line matches, or the
    /// difference a claim-level CAS makes between the services' payments and the claim's (negative
    /// when the payer took a claim-level reduction off the lines' total).
    /// </summary>
    public Money ClaimLevelPaid { get; init; }

    /// <summary>The payer denied the claim (835 CLP02 = 4), whatever it paid.</summary>
    public bool Denied { get; init; }

    /// <summary>
    /// The payer stated its decision (an 835's CLP02): only <see cref="Denied"/> makes a denial, and a
    /// claim processed at 0.00 is processed, not denied. A paper EOB states none, so a payment of
    /// nothing that passes nothing on is read as a denial.
    /// </summary>
    public bool StatusFromPayer { get; init; }

    /// <summary>Remark codes (RARC) the payer gave.</summary>
    public ImmutableArray<RemarkCode> Remarks { get; init; } = [];

    /// <summary>The payer that the claim was forwarded to (crossover), when this payer says it did so.</summary>
    public string? ForwardedTo { get; init; }
}

/// <summary>Apply up to <see cref="UpTo"/> of a patient payment, to one line or oldest service first.</summary>
public sealed record PatientPaymentCommand(Money UpTo, int? LineNumber, DateOnly PaymentDate, string? Memo);

public sealed record AdjustmentCommand(
    int? LineNumber, ResponsibleParty Party, AdjustmentGroup Group, AdjustmentReason Reason, Money Amount, DateOnly Date, string? Memo);

/// <summary>Move a balance between responsible parties; without an amount, the whole balance moves.</summary>
public sealed record TransferCommand(
    ResponsibleParty From, ResponsibleParty To, int? LineNumber, Money? Amount, DateOnly Date, string? Memo);

/// <summary>Adjust away everything a party still owes (on one line, or the whole claim).</summary>
public sealed record WriteOffCommand(
    ResponsibleParty Party, AdjustmentGroup Group, AdjustmentReason Reason, int? LineNumber, DateOnly Date, string? Memo);

/// <summary>Pay back part or all of a party's credit balance.</summary>
public sealed record RefundCommand(ResponsibleParty Party, Money Amount, int? LineNumber, DateOnly Date, string? Memo);

/// <summary>Cancel an earlier posting (all its entries) or a single entry, by its id.</summary>
public sealed record ReverseCommand(string Target, DateOnly Date, string? Memo);

public sealed record StatusChangeCommand(ClaimStatus To, string? Memo);
