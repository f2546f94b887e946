using System.Globalization;
using System.Runtime.CompilerServices;

namespace ArCluster.X12.Internal;

/// <summary>
/// Reads typed element values for a transaction parser and records a precise error (segment number,
/// id, element, what was expected) for each one that is missing or malformed, so that parsing can go
/// on and report every problem of the transaction at once. Failed reads return a neutral value.
/// </summary>
internal sealed class ElementReader
{
    /// <summary>Beyond this many, further errors are counted, not listed.</summary>
    public const int MaxErrors = 100;

    private readonly List<X12Error> _errors = [];
    private int _dropped;

    public StringCache Strings { get; } = new();

    public int ErrorCount => _errors.Count + _dropped;

    public void Reset()
    {
        _errors.Clear();
        _dropped = 0;
    }

    public void AppendErrorsTo(List<X12Error> target)
    {
        target.AddRange(_errors);
        if (_dropped > 0)
        {
            target.Add(new X12Error(X12ErrorKind.Content, $"… and {_dropped} more problems in this transaction set"));
        }
    }

    public void Error(in X12Segment segment, string message, int? element = null, int? component = null, X12ErrorKind kind = X12ErrorKind.Content)
    {
        if (_errors.Count >= MaxErrors)
        {
            _dropped++;
            return;
        }

        _errors.Add(new X12Error(kind, message)
        {
            SegmentNumber = segment.Number,
            SegmentId = segment.Id,
            Element = element,
            Component = component,
            ByteOffset = segment.Offset,
        });
    }

    public static string Name(in X12Segment segment, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{segment.Id}{position:00}");

    /// <summary>A required element as text (decoded once, not cached).</summary>
    public string Required(in X12Segment segment, int position, string meaning)
    {
        var bytes = segment.GetElement(position);
        if (bytes.IsEmpty)
        {
            Missing(segment, position, meaning);
            return "";
        }

        return X12Segment.Decode(bytes);
    }

    public static string? Optional(in X12Segment segment, int position)
    {
        var bytes = segment.GetElement(position);
        return bytes.IsEmpty ? null : X12Segment.Decode(bytes);
    }

    /// <summary>A required code (short, repeated values: shared strings).</summary>
    public string RequiredCode(in X12Segment segment, int position, string meaning)
    {
        var bytes = segment.GetElement(position);
        if (bytes.IsEmpty)
        {
            Missing(segment, position, meaning);
            return "";
        }

        return Strings.Get(bytes);
    }

    public string? OptionalCode(in X12Segment segment, int position)
    {
        var bytes = segment.GetElement(position);
        return bytes.IsEmpty ? null : Strings.Get(bytes);
    }

    /// <summary>A required code that must be one of <paramref name="allowed"/>.</summary>
    public string RequiredCode(in X12Segment segment, int position, string meaning, CodeSet allowed)
    {
        var bytes = segment.GetElement(position);
        if (bytes.IsEmpty)
        {
            Missing(segment, position, meaning);
            return "";
        }

        if (!allowed.Contains(bytes))
        {
            NotOneOf(segment, position, meaning, allowed);
        }

        return Strings.Get(bytes);
    }

    public decimal RequiredAmount(in X12Segment segment, int position, string meaning)
    {
        var bytes = segment.GetElement(position);
        var problem = X12Values.TryParseDecimal(bytes, 2, out var value);
        if (problem != X12ValueProblem.None)
        {
            NotANumber(segment, position, meaning, 2, "amount", problem);
        }

        return value;
    }

    public decimal? OptionalAmount(in X12Segment segment, int position, string meaning) =>
        OptionalNumber(segment, position, meaning, 2, "amount");

    /// <summary>A quantity (units, CAS quantity): a decimal with any number of places.</summary>
    public decimal? OptionalQuantity(in X12Segment segment, int position, string meaning) =>
        OptionalNumber(segment, position, meaning, X12Values.MaxDigits, "quantity");

    public DateOnly RequiredDate(in X12Segment segment, int position, string meaning)
    {
        var bytes = segment.GetElement(position);
        var problem = X12Values.TryParseDate(bytes, out var value);
        if (problem != X12ValueProblem.None)
        {
            NotADate(segment, position, meaning, problem);
        }

        return value;
    }

    private decimal? OptionalNumber(in X12Segment segment, int position, string meaning, int maxDecimals, string what)
    {
        var bytes = segment.GetElement(position);
        if (bytes.IsEmpty)
        {
            return null;
        }

        var problem = X12Values.TryParseDecimal(bytes, maxDecimals, out var value);
        if (problem == X12ValueProblem.None)
        {
            return value;
        }

        NotANumber(segment, position, meaning, maxDecimals, what, problem);
        return null;
    }

    // The error paths below stay out of line so that the hot readers above keep small frames.

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotOneOf(in X12Segment segment, int position, string meaning, CodeSet allowed) =>
        Error(segment, $"{Name(segment, position)} ({meaning}) '{X12Segment.Decode(segment.GetElement(position))}' is not one of {allowed.Listing}", position);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotANumber(in X12Segment segment, int position, string meaning, int maxDecimals, string what, X12ValueProblem problem)
    {
        var text = X12Segment.Decode(segment.GetElement(position));
        switch (problem)
        {
            case X12ValueProblem.Empty:
                Missing(segment, position, meaning);
                break;
            case X12ValueProblem.TooManyDecimals:
                Error(segment, $"{Name(segment, position)} ({meaning}) '{text}' has more than {maxDecimals} decimal places; amounts are whole cents", position);
                break;
            case X12ValueProblem.TooManyDigits:
                Error(segment, $"{Name(segment, position)} ({meaning}) '{text}' has more than {X12Values.MaxDigits} digits", position);
                break;
            default:
                Error(segment, $"{Name(segment, position)} ({meaning}) '{text}' is not a valid {what}: use digits with an optional leading '-' and one '.', e.g. 125.50", position);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotADate(in X12Segment segment, int position, string meaning, X12ValueProblem problem)
    {
        if (problem == X12ValueProblem.Empty)
        {
            Missing(segment, position, meaning);
            return;
        }

        Error(segment, $"{Name(segment, position)} ({meaning}) '{X12Segment.Decode(segment.GetElement(position))}' is not a date: use CCYYMMDD, e.g. 20240131", position);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Missing(in X12Segment segment, int position, string meaning) =>
        Error(segment, $"{Name(segment, position)} ({meaning}) is required but empty", position);
}
