namespace ArCluster.Abstractions.Errors;

/// <summary>
/// The request contradicts the current state (a stale version, or a registration that differs from
/// the one already on file). Re-read, then decide; nothing was changed.
/// </summary>
[GenerateSerializer, Alias("arcluster.ConflictException")]
public sealed class ConflictException : Exception
{
    public ConflictException(string message)
        : base(message)
    {
    }
}
