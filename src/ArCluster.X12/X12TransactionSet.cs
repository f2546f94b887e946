using System.Collections.Immutable;

namespace ArCluster.X12;

/// <summary>What an <see cref="X12TransactionSet"/> stands for.</summary>
public enum X12Scope
{
    /// <summary>One ST..SE transaction set.</summary>
    Transaction,

    /// <summary>A functional group problem that covers no transaction set that could be handed out (e.g. GE01 = 2 but no ST).</summary>
    Group,

    /// <summary>An interchange problem that covers no transaction set that could be handed out.</summary>
    Interchange,

    /// <summary>A problem outside every interchange: unreadable bytes, an empty file, segments after the last IEA.</summary>
    File,
}

/// <summary>
/// One transaction set (ST..SE) with its envelope context and envelope errors — its own ST/SE and
/// those of the functional group and interchange that cover it. A unit with <see cref="Scope"/> other
/// than <see cref="X12Scope.Transaction"/> reports an envelope problem that covers no transaction.
/// </summary>
public sealed class X12TransactionSet
{
    internal X12TransactionSet(X12Scope scope, X12EnvelopeContext envelope, X12SegmentList segments, ImmutableArray<X12Error> errors, bool isComplete)
    {
        Scope = scope;
        Envelope = envelope;
        Segments = segments;
        Errors = errors;
        IsComplete = isComplete;
    }

    public X12Scope Scope { get; }

    public X12EnvelopeContext Envelope { get; }

    /// <summary>The segments from ST through SE (empty when the transaction set is incomplete or for a non-transaction unit).</summary>
    public X12SegmentList Segments { get; }

    /// <summary>Envelope and syntax errors; empty when ISA/IEA, GS/GE and ST/SE all agree.</summary>
    public ImmutableArray<X12Error> Errors { get; }

    /// <summary>True when ST through SE were all read (the segments can be parsed, even if counts disagree).</summary>
    public bool IsComplete { get; }

    public bool HasErrors => !Errors.IsEmpty;
}
