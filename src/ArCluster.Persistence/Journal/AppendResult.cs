namespace ArCluster.Persistence.Journal;

public enum AppendStatus
{
    /// <summary>The posting is durable at <see cref="AppendResult.Version"/>.</summary>
    Appended,

    /// <summary>The same posting id with the same command was already posted: <see cref="AppendResult.Existing"/> is the original.</summary>
    AlreadyPosted,

    /// <summary>The posting id was already used for a different command; nothing was written.</summary>
    PostingIdTaken,

    /// <summary>The stream has moved past the expected version (a stale writer); nothing was written.</summary>
    VersionConflict,
}

/// <summary>What became of one append.</summary>
public sealed record AppendResult(AppendStatus Status, long Version, JournalRecord? Existing)
{
    public static AppendResult Appended(long version, long position, JournalAppend append) =>
        new(AppendStatus.Appended, version, new JournalRecord(
            append.PracticeId, append.StreamId, version, append.PostingId, append.Operation, append.CommandHash, append.PayloadJson, position));

    public static AppendResult Duplicate(JournalRecord existing, byte[] commandHash) =>
        new(existing.SameCommand(commandHash) ? AppendStatus.AlreadyPosted : AppendStatus.PostingIdTaken, existing.Version, existing);

    public static AppendResult Stale(long actualVersion) => new(AppendStatus.VersionConflict, actualVersion, null);
}
