namespace ArCluster.Persistence.Journal;

/// <summary>The append-only money journal. An append returns only once the posting is durable.</summary>
public interface ILedgerJournal
{
    Task<AppendResult> AppendAsync(JournalAppend append, CancellationToken cancellationToken = default);

    /// <summary>Every posting of a stream, in version order.</summary>
    Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default);
}
