namespace ArCluster.Persistence.Journal;

/// <summary>A posting as stored: its place in its stream and in the whole journal, and its payload.</summary>
public sealed record JournalRecord(
    string PracticeId,
    string StreamId,
    long Version,
    string PostingId,
    string Operation,
    byte[] CommandHash,
    string PayloadJson,
    long Position)
{
    public bool SameCommand(byte[] commandHash) => CommandHash.AsSpan().SequenceEqual(commandHash);
}
