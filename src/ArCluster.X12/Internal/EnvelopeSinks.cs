using System.Collections.Immutable;

namespace ArCluster.X12.Internal;

/// <summary>What the trailer pre-check learned: which groups and interchanges are broken, which transaction sets never end.</summary>
internal sealed class EnvelopeVerdicts : IEnvelopeSink
{
    private readonly Dictionary<long, ImmutableArray<X12Error>> _groups = [];
    private readonly Dictionary<long, ImmutableArray<X12Error>> _interchanges = [];
    private readonly HashSet<long> _incompleteTransactions = [];
    private long _transaction;

    public ImmutableArray<X12Error> Group(long ordinal) => _groups.TryGetValue(ordinal, out var errors) ? errors : [];

    public ImmutableArray<X12Error> Interchange(long ordinal) => _interchanges.TryGetValue(ordinal, out var errors) ? errors : [];

    public bool IsIncomplete(long transactionOrdinal) => _incompleteTransactions.Contains(transactionOrdinal);

    public void TransactionStarted(long ordinal, long groupOrdinal, long interchangeOrdinal, X12EnvelopeContext context, X12Delimiters delimiters) => _transaction = ordinal;

    public void TransactionSegment(ReadOnlySpan<byte> segment, long number, long offset)
    {
    }

    public void TransactionEnded(List<X12Error> errors, bool complete)
    {
        if (!complete)
        {
            _incompleteTransactions.Add(_transaction);
        }
    }

    public void GroupEnded(long ordinal, List<X12Error> errors, int transactions, X12EnvelopeContext context)
    {
        if (errors.Count > 0)
        {
            _groups[ordinal] = [.. errors];
        }
    }

    public void InterchangeEnded(long ordinal, List<X12Error> errors, int transactions, X12EnvelopeContext context)
    {
        if (errors.Count > 0)
        {
            _interchanges[ordinal] = [.. errors];
        }
    }

    public void FileError(X12Error error, X12EnvelopeContext context)
    {
    }
}

/// <summary>Builds the transaction sets of the reading pass and queues them (with any standalone envelope problems) in file order.</summary>
internal sealed class TransactionCollector(EnvelopeVerdicts? verdicts) : IEnvelopeSink
{
    // One growable list reused for every transaction set, copied out at exactly its size when the
    // set ends: cheaper than growing a fresh list per set, and what is handed out holds no slack.
    private readonly X12SegmentList _builder = new(X12Delimiters.Default, 16 * 1024);
    private bool _keep;
    private X12EnvelopeContext? _context;
    private long _groupOrdinal;
    private long _interchangeOrdinal;

    public Queue<X12TransactionSet> Ready { get; } = new();

    public void TransactionStarted(long ordinal, long groupOrdinal, long interchangeOrdinal, X12EnvelopeContext context, X12Delimiters delimiters)
    {
        _context = context;
        _groupOrdinal = groupOrdinal;
        _interchangeOrdinal = interchangeOrdinal;
        // A transaction set known to run on without its SE is not buffered: it could be the rest of the file.
        _keep = verdicts is null || !verdicts.IsIncomplete(ordinal);
        _builder.Reset(delimiters);
    }

    public void TransactionSegment(ReadOnlySpan<byte> segment, long number, long offset)
    {
        if (_keep)
        {
            _builder.Append(segment, number, offset);
        }
    }

    public void TransactionEnded(List<X12Error> errors, bool complete)
    {
        var group = verdicts?.Group(_groupOrdinal) ?? [];
        var interchange = verdicts?.Interchange(_interchangeOrdinal) ?? [];
        ImmutableArray<X12Error> all = errors.Count + group.Length + interchange.Length == 0 ? [] : [.. errors, .. group, .. interchange];

        var segments = complete && _keep ? _builder.ToCompact() : X12SegmentList.Empty;
        Ready.Enqueue(new X12TransactionSet(X12Scope.Transaction, _context!, segments, all, complete && _keep));
        _builder.Reset(_builder.Delimiters);
    }

    public void GroupEnded(long ordinal, List<X12Error> errors, int transactions, X12EnvelopeContext context)
    {
        // Covered transaction sets already carry these errors when the trailers were checked first.
        if (errors.Count > 0 && (transactions == 0 || verdicts is null))
        {
            Ready.Enqueue(new X12TransactionSet(X12Scope.Group, context, X12SegmentList.Empty, [.. errors], false));
        }
    }

    public void InterchangeEnded(long ordinal, List<X12Error> errors, int transactions, X12EnvelopeContext context)
    {
        if (errors.Count > 0 && (transactions == 0 || verdicts is null))
        {
            Ready.Enqueue(new X12TransactionSet(X12Scope.Interchange, context, X12SegmentList.Empty, [.. errors], false));
        }
    }

    public void FileError(X12Error error, X12EnvelopeContext context) =>
        Ready.Enqueue(new X12TransactionSet(X12Scope.File, context, X12SegmentList.Empty, [error], false));
}
