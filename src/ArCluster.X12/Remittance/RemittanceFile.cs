using System.Collections.Immutable;
using ArCluster.X12.Internal;

namespace ArCluster.X12.Remittance;

/// <summary>The single entry point for callers: read an 835 file into accepted and rejected transaction sets.</summary>
public static class RemittanceFile
{
    /// <summary>
    /// Streams the file's transaction sets and yields one <see cref="RemittanceResult"/> per transaction
    /// set (plus one per envelope problem that covers none), in file order, holding only the current
    /// one in memory. A transaction set is accepted only when its envelopes are sound, it is an 835
    /// 005010X221A1, it parses, and it balances; otherwise it is rejected as a whole with every reason,
    /// and the others in the file are unaffected. Never throws for bad content. The stream is read
    /// from its current position and left open (see <see cref="X12ReadOptions.VerifyTrailersFirst"/>
    /// for non-seekable streams).
    /// </summary>
    public static IEnumerable<RemittanceResult> Read(Stream stream, X12ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Evaluate(X12File.ReadTransactions(stream, options), options);
    }

    /// <summary>Opens <paramref name="path"/> and reads it (see <see cref="Read(Stream, X12ReadOptions?)"/>).</summary>
    public static IEnumerable<RemittanceResult> Read(string path, X12ReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Evaluate(X12File.ReadTransactions(path, options), options);
    }

    /// <summary>The verdict on one transaction set from <see cref="X12File.ReadTransactions(Stream, X12ReadOptions?)"/>.</summary>
    public static RemittanceResult Evaluate(X12TransactionSet transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return Evaluate(transaction, RemittanceReader.ForThisThread);
    }

    private static IEnumerable<RemittanceResult> Evaluate(IEnumerable<X12TransactionSet> transactions, X12ReadOptions? options)
    {
        if (options?.ReadAhead > 0)
        {
            transactions = ReadAhead.Enumerate(transactions, options.ReadAhead);
        }

        var reader = new RemittanceReader();
        foreach (var transaction in transactions)
        {
            yield return Evaluate(transaction, reader);
        }
    }

    private static RemittanceResult Evaluate(X12TransactionSet transaction, RemittanceReader reader)
    {
        var envelope = transaction.Envelope;
        if (transaction.Scope != X12Scope.Transaction)
        {
            return new RejectedRemittance(envelope, transaction.Errors, transaction.Scope);
        }

        var version = envelope.EffectiveVersion;
        if (envelope.TransactionSetId != RemittanceParser.TransactionSetId || version != RemittanceParser.Version)
        {
            var found = $"{envelope.TransactionSetId} {version}".Trim();
            var message = envelope.TransactionSetId == RemittanceParser.TransactionSetId
                ? $"835 version '{version}' is not supported (expected {RemittanceParser.Version}; ST03 or GS08)"
                : $"not an 835 (found {found})";
            var notSupported = new X12Error(X12ErrorKind.NotSupported, message) { SegmentNumber = envelope.SegmentNumber, SegmentId = "ST" };
            return new RejectedRemittance(envelope, [notSupported, .. transaction.Errors], X12Scope.Transaction);
        }

        if (!transaction.IsComplete)
        {
            return new RejectedRemittance(envelope, transaction.Errors, X12Scope.Transaction);
        }

        var errors = ImmutableArray.CreateBuilder<X12Error>();
        errors.AddRange(transaction.Errors);
        if (envelope.FunctionalIdentifierCode != "HP")
        {
            errors.Add(new X12Error(X12ErrorKind.Envelope, $"GS01 is '{envelope.FunctionalIdentifierCode}' but an 835 belongs in a functional group with GS01 = HP")
            {
                SegmentNumber = envelope.SegmentNumber,
                SegmentId = "ST",
            });
        }

        var parsed = reader.Parse(transaction);
        errors.AddRange(parsed.Errors);
        if (parsed.Advice is { } advice)
        {
            errors.AddRange(RemittanceValidator.Validate(advice));
            return errors.Count == 0
                ? new AcceptedRemittance(envelope, advice)
                : new RejectedRemittance(envelope, errors.ToImmutable(), X12Scope.Transaction, advice);
        }

        return new RejectedRemittance(envelope, errors.ToImmutable(), X12Scope.Transaction);
    }
}
