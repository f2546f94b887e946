using System.Globalization;
using System.Text;

namespace ArCluster.X12;

/// <summary>What kind of problem an <see cref="X12Error"/> describes.</summary>
public enum X12ErrorKind
{
    /// <summary>The bytes are not readable X12: no ISA, bad delimiters, a segment without terminator, a malformed segment id.</summary>
    Syntax,

    /// <summary>ISA/IEA, GS/GE or ST/SE do not agree (counts, control numbers, missing trailers, segments outside an envelope).</summary>
    Envelope,

    /// <summary>A transaction of another kind or version than the one asked for (e.g. an 837 when reading 835s).</summary>
    NotSupported,

    /// <summary>A segment or element of the transaction is missing, malformed or out of place.</summary>
    Content,

    /// <summary>Amounts that must balance do not.</summary>
    Balancing,
}

/// <summary>
/// One problem found in an X12 file, with where it is: the 1-based segment number in the file (ISA = 1),
/// the segment id, and the element (and component) position when one element is at fault.
/// <see cref="ToString"/> gives the full sentence, e.g.
/// <c>segment 14 (SVC), element 1: composite 'HC&gt;12345&gt;26' does not use the component separator ':' declared in ISA16</c>.
/// </summary>
public sealed record X12Error(X12ErrorKind Kind, string Message)
{
    public long? SegmentNumber { get; init; }

    public string? SegmentId { get; init; }

    /// <summary>1-based element position (e.g. 4 for CLP04), when one element is at fault.</summary>
    public int? Element { get; init; }

    /// <summary>1-based component position within <see cref="Element"/> (e.g. 2 for SVC01-2).</summary>
    public int? Component { get; init; }

    /// <summary>Byte offset of the segment in the file, when known.</summary>
    public long? ByteOffset { get; init; }

    /// <summary>"segment 14 (SVC), element 1" — or "" when the error is not tied to a segment.</summary>
    public string Location
    {
        get
        {
            if (SegmentNumber is null)
            {
                return "";
            }

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"segment {SegmentNumber}");
            if (SegmentId is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({SegmentId})");
            }

            if (Element is { } element)
            {
                text.Append(CultureInfo.InvariantCulture, $", element {element}");
                if (Component is { } component)
                {
                    text.Append(CultureInfo.InvariantCulture, $", component {component}");
                }
            }

            return text.ToString();
        }
    }

    /// <summary>True when <see cref="Message"/> already says where (balancing messages: "claim X (segment 13, CLP): ...").</summary>
    internal bool MessageNamesLocation { get; init; }

    public override string ToString() => SegmentNumber is null || MessageNamesLocation ? Message : $"{Location}: {Message}";

    internal static X12Error At(X12ErrorKind kind, long segmentNumber, string? segmentId, string message, int? element = null, int? component = null) =>
        new(kind, message) { SegmentNumber = segmentNumber, SegmentId = segmentId, Element = element, Component = component };
}

/// <summary>An X12 problem raised as an exception (the low-level <see cref="X12Reader"/> throws it for unreadable input).</summary>
public sealed class X12Exception : Exception
{
    public X12Exception()
        : this(new X12Error(X12ErrorKind.Syntax, "invalid X12"))
    {
    }

    public X12Exception(string message)
        : this(new X12Error(X12ErrorKind.Syntax, message))
    {
    }

    public X12Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new X12Error(X12ErrorKind.Syntax, message);
    }

    public X12Exception(X12Error error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    public X12Error Error { get; }
}
