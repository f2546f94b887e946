using System.Collections.Immutable;

namespace ArCluster.BankFiles.Internal;

/// <summary>Problems collected while reading a whole file, so the operator sees all of them at once, not one per attempt.</summary>
internal sealed class ErrorList
{
    private readonly List<DepositFileError> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public void Add(int line, string record, string message, string? field = null) =>
        _errors.Add(new DepositFileError(line, record, message) { Field = field });

    /// <summary>Sorted by line; problems on one line keep the order they were found in.</summary>
    public ImmutableArray<DepositFileError> InLineOrder() => [.. _errors.OrderBy(e => e.Line)];
}
