using System.Collections.Immutable;

namespace ArCluster.X12.Remittance;

/// <summary>
/// The verdict on one unit of an 835 file: <see cref="AcceptedRemittance"/> (post it) or
/// <see cref="RejectedRemittance"/> (do not post any of it; show the reasons).
/// </summary>
public abstract record RemittanceResult(X12EnvelopeContext Envelope)
{
    /// <summary>True for an <see cref="AcceptedRemittance"/>.</summary>
    public abstract bool IsAccepted { get; }
}

/// <summary>A transaction set that is a well-formed 835 inside sound envelopes and balances at every level.</summary>
public sealed record AcceptedRemittance(X12EnvelopeContext Envelope, RemittanceAdvice Advice) : RemittanceResult(Envelope)
{
    public override bool IsAccepted => true;
}

/// <summary>
/// A transaction set (or an envelope problem covering none) that must not be posted, with every
/// reason found: envelope, not an 835, content, balancing. <see cref="ParsedAdvice"/> is set when the
/// content parsed but something else failed (e.g. it does not balance) — for showing the problem,
/// never for posting.
/// </summary>
public sealed record RejectedRemittance(X12EnvelopeContext Envelope, ImmutableArray<X12Error> Errors, X12Scope Scope, RemittanceAdvice? ParsedAdvice = null) : RemittanceResult(Envelope)
{
    public override bool IsAccepted => false;

    /// <summary>True when the unit is a transaction set of another kind or version (e.g. an 837 or a 999).</summary>
    public bool IsNotRemittance => Errors.Any(e => e.Kind == X12ErrorKind.NotSupported);

    /// <summary>The reasons, one per line.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors);
}
