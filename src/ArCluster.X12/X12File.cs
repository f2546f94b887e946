using ArCluster.X12.Internal;

namespace ArCluster.X12;

/// <summary>Entry point for reading any X12 file as a stream of transaction sets.</summary>
public static class X12File
{
    /// <summary>
    /// Walks the file and yields its transaction sets one at a time, in file order, each with its
    /// envelope context and envelope errors; only the current transaction set is held in memory.
    /// A transaction set whose own ST/SE is broken carries that error alone; one inside a broken
    /// functional group or interchange carries the group's or interchange's errors too (see
    /// <see cref="X12ReadOptions.VerifyTrailersFirst"/>). Envelope problems that cover no transaction
    /// set (an empty file, unreadable bytes, a group whose GE01 counts sets that are not there) are
    /// yielded as units with <see cref="X12Scope"/> Group, Interchange or File. Never throws for bad
    /// content; the stream is read from its current position and left open.
    /// </summary>
    public static IEnumerable<X12TransactionSet> ReadTransactions(Stream stream, X12ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Walk(stream, options ?? X12ReadOptions.Default);
    }

    /// <summary>Opens <paramref name="path"/> and yields its transaction sets (see <see cref="ReadTransactions(Stream, X12ReadOptions?)"/>).</summary>
    public static IEnumerable<X12TransactionSet> ReadTransactions(string path, X12ReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return WalkFile(path, options ?? X12ReadOptions.Default);
    }

    private static IEnumerable<X12TransactionSet> WalkFile(string path, X12ReadOptions options)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var transaction in Walk(stream, options))
        {
            yield return transaction;
        }
    }

    private static IEnumerable<X12TransactionSet> Walk(Stream stream, X12ReadOptions options)
    {
        FileStream? spool = null;
        try
        {
            var source = stream;
            EnvelopeVerdicts? verdicts = null;
            if (options.VerifyTrailersFirst)
            {
                if (!source.CanSeek)
                {
                    spool = Spool(source);
                    source = spool;
                }

                var start = source.Position;
                verdicts = new EnvelopeVerdicts();
                Run(source, options, new EnvelopeTracker(verdicts, envelopeOnly: true));
                source.Position = start;
            }

            var collector = new TransactionCollector(verdicts);
            var tracker = new EnvelopeTracker(collector);
            var scanner = new X12Scanner(source, options.BufferSize);
            var more = true;
            while (more)
            {
                more = Step(scanner, tracker);
                while (collector.Ready.TryDequeue(out var transaction))
                {
                    yield return transaction;
                }
            }
        }
        finally
        {
            spool?.Dispose();
        }
    }

    private static void Run(Stream source, X12ReadOptions options, EnvelopeTracker tracker)
    {
        var scanner = new X12Scanner(source, options.BufferSize);
        while (Step(scanner, tracker))
        {
        }
    }

    /// <summary>Reads one segment into the tracker; false once the input is exhausted or unreadable.</summary>
    private static bool Step(X12Scanner scanner, EnvelopeTracker tracker)
    {
        try
        {
            if (!scanner.Read())
            {
                tracker.Complete(scanner.SegmentNumber);
                return false;
            }
        }
        catch (X12Exception unreadable)
        {
            tracker.Fail(unreadable.Error);
            return false;
        }

        tracker.Observe(scanner);
        return true;
    }

    private static FileStream Spool(Stream source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"arcluster-x12-{Guid.NewGuid():N}.tmp");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            source.CopyTo(spool, 1 << 20);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }
}
