using System.Globalization;

namespace ArCluster.X12.Internal;

/// <summary>Receives what <see cref="EnvelopeTracker"/> finds, in file order.</summary>
internal interface IEnvelopeSink
{
    void TransactionStarted(long ordinal, long groupOrdinal, long interchangeOrdinal, X12EnvelopeContext context, X12Delimiters delimiters);

    /// <summary>Every segment from ST through SE, in order.</summary>
    void TransactionSegment(ReadOnlySpan<byte> segment, long number, long offset);

    void TransactionEnded(List<X12Error> errors, bool complete);

    void GroupEnded(long ordinal, List<X12Error> errors, int transactions, X12EnvelopeContext context);

    void InterchangeEnded(long ordinal, List<X12Error> errors, int transactions, X12EnvelopeContext context);

    /// <summary>A problem outside every interchange.</summary>
    void FileError(X12Error error, X12EnvelopeContext context);
}

/// <summary>
/// The ISA/IEA, GS/GE, ST/SE state machine, shared by the trailer pre-check and the reading pass so
/// both see exactly the same ordinals and errors. Checks: IEA01 = groups, IEA02 = ISA13, ISA element
/// widths; GE01 = transaction sets, GE02 = GS06; SE01 = segments ST..SE, SE02 = ST02; missing
/// trailers; segments outside the structure that should hold them.
/// </summary>
internal sealed class EnvelopeTracker(IEnvelopeSink sink, bool envelopeOnly = false)
{
    private static readonly int[] IsaWidths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

    private readonly List<X12Error> _interchangeErrors = [];
    private readonly List<X12Error> _groupErrors = [];
    private readonly List<X12Error> _transactionErrors = [];

    private bool _anySegment;

    private bool _inInterchange;
    private long _interchangeOrdinal;
    private long _isaNumber;
    private string? _isa06;
    private string? _isa08;
    private string? _isa13;
    private string? _isa15;
    private int _groupCount;
    private int _interchangeTransactions;

    private bool _inGroup;
    private long _groupOrdinal;
    private long _gsNumber;
    private string? _gs01;
    private string? _gs06;
    private string? _gs08;
    private int _groupTransactions;
    private X12EnvelopeContext? _groupContext;

    private bool _inTransaction;
    private long _transactionOrdinal;
    private long _stNumber;
    private string? _st02;
    private X12EnvelopeContext? _transactionContext;
    private long _segmentCount;

    private string _lastSt01 = "";
    private string _lastSt03 = "";
    private long _lastEnvelopeNumber;
    private string _lastEnvelopeId = "";

    // A run of segments that belong to no transaction set: reported once, with its length.
    private long _strayFirst;
    private string? _strayId;
    private long _strayCount;
    private int _strayLevel;

    public void Observe(X12Scanner scanner)
    {
        var segment = scanner.Segment;
        if (envelopeOnly && _inTransaction && segment.Length > 0 && segment[0] is not ((byte)'S' or (byte)'G' or (byte)'I'))
        {
            // The trailer pre-check only needs to count the segments inside a transaction set.
            _anySegment = true;
            _segmentCount++;
            return;
        }

        var number = scanner.SegmentNumber;
        var delimiters = scanner.Delimiters;
        _anySegment = true;
        if (scanner.IsInterchangeHeader)
        {
            OnIsa(segment, delimiters.ElementByte, number);
            return;
        }

        // Ids are 2 or 3 bytes: look there for the separator before searching the whole segment.
        var idEnd = segment.Length > 2 && segment[2] == delimiters.ElementByte ? 2
            : segment.Length > 3 && segment[3] == delimiters.ElementByte ? 3
            : segment.IndexOf(delimiters.ElementByte);
        var key = SegmentIds.Key(idEnd < 0 ? segment : segment[..idEnd]);
        switch (key)
        {
            case SegmentIds.IEA:
                OnIea(segment, delimiters.ElementByte, number);
                return;
            case SegmentIds.GS:
                OnGs(segment, delimiters, number);
                return;
            case SegmentIds.GE:
                OnGe(segment, delimiters.ElementByte, number);
                return;
            case SegmentIds.ST:
                OnSt(segment, number, scanner.SegmentOffset, delimiters);
                return;
            case SegmentIds.SE:
                if (_inTransaction)
                {
                    OnSe(segment, delimiters.ElementByte, number, scanner.SegmentOffset);
                    return;
                }

                break;
        }

        if (_inTransaction)
        {
            _segmentCount++;
            if (key == 0)
            {
                _transactionErrors.Add(X12Error.At(X12ErrorKind.Syntax, number, null,
                    $"'{Text(idEnd < 0 ? segment : segment[..idEnd], 20)}' is not a segment id (2–3 capital letters or digits, starting with a letter); is the element separator '{X12Delimiters.Printable(delimiters.ElementByte)}' or the segment terminator '{X12Delimiters.Printable(delimiters.SegmentByte)}' wrong here?"));
            }

            sink.TransactionSegment(segment, number, scanner.SegmentOffset);
            return;
        }

        if (key == SegmentIds.TA1 && _inInterchange && !_inGroup)
        {
            return;
        }

        Stray(number, key == 0 ? Text(idEnd < 0 ? segment : segment[..idEnd], 20) : SegmentIds.Name(key));
    }

    /// <summary>End of input: every structure still open lacks its trailer.</summary>
    public void Complete(long lastSegmentNumber)
    {
        FlushStray();
        var where = $"the file ends at segment {lastSegmentNumber}";
        CloseTransactionMissingSe(where);
        CloseGroupMissingGe(where);
        CloseInterchangeMissingIea(where + " (truncated?)");
        if (!_anySegment)
        {
            sink.FileError(new X12Error(X12ErrorKind.Syntax, "the file is empty: no ISA interchange found"), new X12EnvelopeContext());
        }
    }

    /// <summary>The bytes became unreadable: report it, and close what is open as incomplete.</summary>
    public void Fail(X12Error error)
    {
        FlushStray();
        var where = $"the file is unreadable from segment {error.SegmentNumber?.ToString(CultureInfo.InvariantCulture) ?? "1"} ({error.Message})";
        CloseTransactionMissingSe(where);
        CloseGroupMissingGe(where);
        CloseInterchangeMissingIea(where);
        sink.FileError(error, new X12EnvelopeContext { SegmentNumber = error.SegmentNumber });
    }

    private void OnIsa(ReadOnlySpan<byte> segment, byte separator, long number)
    {
        FlushStray();
        if (_inInterchange)
        {
            var where = $"another ISA starts at segment {number}";
            CloseTransactionMissingSe(where);
            CloseGroupMissingGe(where);
            CloseInterchangeMissingIea(where);
        }

        _inInterchange = true;
        _interchangeOrdinal++;
        _isaNumber = number;
        _groupCount = 0;
        _interchangeTransactions = 0;
        _interchangeErrors.Clear();
        _isa06 = Text(Element(segment, separator, 6)).Trim();
        _isa08 = Text(Element(segment, separator, 8)).Trim();
        _isa13 = Text(Element(segment, separator, 13));
        _isa15 = Text(Element(segment, separator, 15));
        SetEnvelope(number, "ISA");

        for (var i = 1; i <= 16; i++)
        {
            var width = Element(segment, separator, i).Length;
            if (width != IsaWidths[i - 1])
            {
                _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "ISA",
                    $"ISA{i:00} must be exactly {IsaWidths[i - 1]} characters (ISA elements are fixed-width, padded with spaces) but is {width}: '{Text(Element(segment, separator, i))}'", i));
            }
        }

        if (_isa13.Length == 9 && !IsDigits(_isa13))
        {
            _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "ISA", $"ISA13 (interchange control number) must be 9 digits; found '{_isa13}'", 13));
        }
    }

    private void OnIea(ReadOnlySpan<byte> segment, byte separator, long number)
    {
        FlushStray();
        if (!_inInterchange)
        {
            sink.FileError(X12Error.At(X12ErrorKind.Envelope, number, "IEA", $"IEA without an ISA (the last envelope segment was {LastEnvelope()})"), new X12EnvelopeContext { SegmentNumber = number });
            return;
        }

        var where = $"IEA at segment {number} closes the interchange first";
        CloseTransactionMissingSe(where);
        CloseGroupMissingGe(where);

        var iea01 = Text(Element(segment, separator, 1));
        if (!int.TryParse(iea01, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != _groupCount)
        {
            _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "IEA",
                $"IEA01 says '{iea01}' functional groups but interchange {_isa13} (segment {_isaNumber}, ISA) contains {_groupCount}; every transaction set in the interchange is rejected", 1));
        }

        var iea02 = Text(Element(segment, separator, 2));
        if (iea02 != _isa13)
        {
            _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "IEA",
                $"IEA02 '{iea02}' does not match ISA13 '{_isa13}' (segment {_isaNumber}); every transaction set in the interchange is rejected", 2));
        }

        CloseInterchange();
        SetEnvelope(number, "IEA");
    }

    private void OnGs(ReadOnlySpan<byte> segment, X12Delimiters delimiters, long number)
    {
        var separator = delimiters.ElementByte;
        FlushStray();
        if (!_inInterchange)
        {
            Stray(number, "GS");
            return;
        }

        var where = $"another GS starts at segment {number}";
        CloseTransactionMissingSe(where);
        CloseGroupMissingGe(where);

        _inGroup = true;
        _groupOrdinal++;
        _groupCount++;
        _gsNumber = number;
        _groupTransactions = 0;
        _groupErrors.Clear();
        _gs01 = Text(Element(segment, separator, 1));
        _gs06 = Text(Element(segment, separator, 6));
        _gs08 = Text(Element(segment, separator, 8));
        _groupContext = GroupContext(number);
        SetEnvelope(number, "GS");
        if (_gs06.Length is 0 or > 9 || !IsDigits(_gs06))
        {
            _groupErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "GS", $"GS06 (group control number) must be 1 to 9 digits; found '{_gs06}'", 6));
        }

        // GS holds no composites: ending in the component separator means ISA16 is missing and the
        // real terminator was taken for it (e.g. "…*P*~" + line break).
        if (_inInterchange && !segment.IsEmpty && segment[^1] == delimiters.ComponentByte)
        {
            _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "GS",
                $"GS ends with '{X12Delimiters.Printable(delimiters.ComponentByte)}', the component separator this ISA declares in ISA16, and its segment terminator is '{X12Delimiters.Printable(delimiters.SegmentByte)}': is ISA16 missing, shifting the terminator into its place? Every transaction set in the interchange is rejected"));
        }

        if (_gs08.Length == 0)
        {
            _groupErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "GS", "GS08 (version / release / industry identifier, e.g. 005010X221A1) is required", 8));
        }
    }

    private void OnGe(ReadOnlySpan<byte> segment, byte separator, long number)
    {
        FlushStray();
        if (!_inGroup)
        {
            if (_inInterchange)
            {
                _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "GE", $"GE without a GS (the last envelope segment was {LastEnvelope()})"));
            }
            else
            {
                Stray(number, "GE");
            }

            return;
        }

        CloseTransactionMissingSe($"GE at segment {number} closes the group first");
        var ge01 = Text(Element(segment, separator, 1));
        if (!int.TryParse(ge01, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != _groupTransactions)
        {
            _groupErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "GE",
                $"GE01 says '{ge01}' transaction sets but functional group {_gs06} (segment {_gsNumber}, GS) contains {_groupTransactions}; every transaction set in the group is rejected", 1));
        }

        var ge02 = Text(Element(segment, separator, 2));
        if (ge02 != _gs06)
        {
            _groupErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "GE",
                $"GE02 '{ge02}' does not match GS06 '{_gs06}' (segment {_gsNumber}); every transaction set in the group is rejected", 2));
        }

        CloseGroup();
        SetEnvelope(number, "GE");
    }

    private void OnSt(ReadOnlySpan<byte> segment, long number, long offset, X12Delimiters delimiters)
    {
        FlushStray();
        var separator = delimiters.ElementByte;
        if (!_inGroup)
        {
            Stray(number, "ST");
            return;
        }

        CloseTransactionMissingSe($"another ST starts at segment {number}");
        _inTransaction = true;
        _transactionOrdinal++;
        _groupTransactions++;
        _interchangeTransactions++;
        _stNumber = number;
        _segmentCount = 1;
        _transactionErrors.Clear();
        var st01 = Reuse(Element(segment, separator, 1), ref _lastSt01);
        _st02 = Text(Element(segment, separator, 2));
        var st03 = Element(segment, separator, 3);
        _transactionContext = _groupContext! with
        {
            SegmentNumber = number,
            TransactionSetId = st01,
            TransactionControlNumber = _st02,
            ImplementationReference = st03.IsEmpty ? null : Reuse(st03, ref _lastSt03),
        };
        SetEnvelope(number, "ST");
        if (st01.Length != 3 || !IsDigits(st01))
        {
            _transactionErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "ST", $"ST01 (transaction set identifier) must be 3 digits, e.g. 835; found '{st01}'", 1));
        }

        if (_st02.Length is < 4 or > 9)
        {
            _transactionErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "ST", $"ST02 (transaction set control number) must be 4 to 9 characters; found '{_st02}'", 2));
        }

        sink.TransactionStarted(_transactionOrdinal, _groupOrdinal, _interchangeOrdinal, _transactionContext, delimiters);
        sink.TransactionSegment(segment, number, offset);
    }

    private void OnSe(ReadOnlySpan<byte> segment, byte separator, long number, long offset)
    {
        _segmentCount++;
        sink.TransactionSegment(segment, number, offset);
        var se01 = Text(Element(segment, separator, 1));
        if (!long.TryParse(se01, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != _segmentCount)
        {
            _transactionErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "SE",
                $"SE01 says '{se01}' segments but transaction set {_st02} has {_segmentCount} (ST at segment {_stNumber} through SE at segment {number}, both included)", 1));
        }

        var se02 = Text(Element(segment, separator, 2));
        if (se02 != _st02)
        {
            _transactionErrors.Add(X12Error.At(X12ErrorKind.Envelope, number, "SE",
                $"SE02 '{se02}' does not match ST02 '{_st02}' (segment {_stNumber})", 2));
        }

        _inTransaction = false;
        SetEnvelope(number, "SE");
        sink.TransactionEnded(_transactionErrors, complete: true);
    }

    private void CloseTransactionMissingSe(string where)
    {
        if (!_inTransaction)
        {
            return;
        }

        _inTransaction = false;
        _transactionErrors.Add(X12Error.At(X12ErrorKind.Envelope, _stNumber, "ST", $"transaction set {_st02} has no SE trailer: {where}"));
        sink.TransactionEnded(_transactionErrors, complete: false);
    }

    private void CloseGroupMissingGe(string where)
    {
        if (!_inGroup)
        {
            return;
        }

        _groupErrors.Add(X12Error.At(X12ErrorKind.Envelope, _gsNumber, "GS", $"functional group {_gs06} has no GE trailer: {where}; every transaction set in the group is rejected"));
        CloseGroup();
    }

    private void CloseInterchangeMissingIea(string where)
    {
        if (!_inInterchange)
        {
            return;
        }

        _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, _isaNumber, "ISA", $"interchange {_isa13} has no IEA trailer: {where}; every transaction set in the interchange is rejected"));
        CloseInterchange();
    }

    private void CloseGroup()
    {
        FlushStray();
        _inGroup = false;
        sink.GroupEnded(_groupOrdinal, _groupErrors, _groupTransactions, GroupContext(_gsNumber));
    }

    private void CloseInterchange()
    {
        FlushStray();
        _inInterchange = false;
        sink.InterchangeEnded(_interchangeOrdinal, _interchangeErrors, _interchangeTransactions, InterchangeContext(_isaNumber));
    }

    private X12EnvelopeContext InterchangeContext(long number) => new()
    {
        InterchangeControlNumber = _isa13,
        InterchangeSenderId = _isa06,
        InterchangeReceiverId = _isa08,
        UsageIndicator = _isa15,
        SegmentNumber = number,
    };

    private X12EnvelopeContext GroupContext(long number) => InterchangeContext(number) with
    {
        FunctionalIdentifierCode = _gs01,
        GroupControlNumber = _gs06,
        Version = _gs08,
    };

    private void Stray(long number, string id)
    {
        var level = _inGroup ? 2 : _inInterchange ? 1 : 0;
        if (_strayCount > 0 && _strayLevel == level)
        {
            _strayCount++;
            return;
        }

        FlushStray();
        _strayFirst = number;
        _strayId = id;
        _strayCount = 1;
        _strayLevel = level;
    }

    private void FlushStray()
    {
        if (_strayCount == 0)
        {
            return;
        }

        var count = _strayCount;
        _strayCount = 0;
        var what = count == 1 ? $"this segment" : $"this and the next {count - 1} segments";
        switch (_strayLevel)
        {
            case 2:
                _groupErrors.Add(X12Error.At(X12ErrorKind.Envelope, _strayFirst, _strayId,
                    $"{what} sit between transaction sets in functional group {_gs06}, outside any ST..SE (after {LastEnvelope()}); is an ST missing? Every transaction set in the group is rejected"));
                break;
            case 1:
                _interchangeErrors.Add(X12Error.At(X12ErrorKind.Envelope, _strayFirst, _strayId,
                    $"{what} sit in interchange {_isa13} outside any functional group (after {LastEnvelope()}); is a GS missing? Every transaction set in the interchange is rejected"));
                break;
            default:
                sink.FileError(X12Error.At(X12ErrorKind.Envelope, _strayFirst, _strayId,
                    $"{what} sit outside any interchange (after {LastEnvelope()}); is an ISA missing?"), new X12EnvelopeContext { SegmentNumber = _strayFirst });
                break;
        }
    }

    private void SetEnvelope(long number, string id)
    {
        _lastEnvelopeNumber = number;
        _lastEnvelopeId = id;
    }

    private string LastEnvelope() => _lastEnvelopeNumber == 0 ? "the start of the file" : $"{_lastEnvelopeId} at segment {_lastEnvelopeNumber}";

    private static ReadOnlySpan<byte> Element(ReadOnlySpan<byte> segment, byte separator, int position)
    {
        for (var i = 0; ; i++)
        {
            var found = segment.IndexOf(separator);
            if (i == position)
            {
                return found < 0 ? segment : segment[..found];
            }

            if (found < 0)
            {
                return default;
            }

            segment = segment[(found + 1)..];
        }
    }

    /// <summary>The previous string when the bytes spell it again (ST01 and ST03 repeat in every transaction set).</summary>
    private static string Reuse(ReadOnlySpan<byte> bytes, ref string last)
    {
        if (bytes.Length == last.Length)
        {
            var same = true;
            for (var i = 0; i < bytes.Length && same; i++)
            {
                same = bytes[i] == last[i];
            }

            if (same)
            {
                return last;
            }
        }

        return last = Text(bytes);
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(ReadOnlySpan<byte> bytes, int max = int.MaxValue) =>
        X12Segment.Decode(bytes.Length > max ? bytes[..max] : bytes);
}
