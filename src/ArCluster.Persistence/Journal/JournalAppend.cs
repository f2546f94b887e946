namespace ArCluster.Persistence.Journal;

/// <summary>
/// One posting to add to a stream, valid only if the stream is still at
/// <see cref="ExpectedVersion"/>: a stale activation, which has not seen the latest posting,
/// cannot write.
/// </summary>
public sealed record JournalAppend(
    string PracticeId,
    string StreamId,
    long ExpectedVersion,
    string PostingId,
    string Operation,
    byte[] CommandHash,
    DateTimeOffset PostedAt,
    string PostedBy,
    string PayloadJson,
    IReadOnlyList<JournalEntryRow> Entries)
{
    public long Version => ExpectedVersion + 1;
}
