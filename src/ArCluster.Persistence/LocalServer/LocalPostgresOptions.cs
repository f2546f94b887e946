namespace ArCluster.Persistence.LocalServer;

/// <summary>Where and how to run an embedded PostgreSQL.</summary>
public sealed record LocalPostgresOptions(string RootDirectory)
{
    /// <summary>Port to use on first start; 0 picks a free one. A port recorded by an earlier run wins.</summary>
    public int PreferredPort { get; init; }

    public string Database { get; init; } = "arcluster";

    /// <summary>
    /// Used instead of <see cref="RootDirectory"/> when the server must run as the postgres user and
    /// that user cannot reach it (a checkout under a private folder such as /root or a mktemp dir).
    /// </summary>
    public string? FallbackRootDirectory { get; init; }

    /// <summary>
    /// Connections the server accepts. Each silo keeps pools for Orleans' providers and the journal; a
    /// test run starts many silos against one server at once.
    /// </summary>
    public int MaxConnections { get; init; } = 300;

    /// <summary>Delete the whole folder when the server stops (throwaway test servers).</summary>
    public bool DeleteOnStop { get; init; }
}
