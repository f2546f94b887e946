namespace ArCluster.Abstractions.Errors;

/// <summary>
/// The database could not do what the call needed (it refused connections, timed out, or failed a
/// statement). Whatever was not committed was not done: retry with the same ids. The message names
/// the database error, never the data involved.
/// </summary>
[GenerateSerializer, Alias("arcluster.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
