namespace ArCluster.Client;

/// <summary>How to reach an ArCluster cluster: the PostgreSQL that holds its membership, and its ids.</summary>
public sealed record ArClusterClientOptions
{
    public const string ConnectionStringVariable = "ARCLUSTER_CONNECTION_STRING";

    /// <summary>Where a silo started without a connection string records its embedded database's connection string.</summary>
    public static readonly string LocalConnectionStringFile = Path.Combine(".arcluster", "postgres", "connection-string");

    public required string ConnectionString { get; init; }

    public string ClusterId { get; init; } = "arcluster";

    public string ServiceId { get; init; } = "arcluster";

    /// <summary>Who is acting through this client; recorded on every posting it makes.</summary>
    public string User { get; init; } = Environment.UserName;

    /// <summary>How long <see cref="ArClusterClient.ConnectAsync"/> keeps trying to reach a gateway.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Options for the cluster this machine runs: <c>ARCLUSTER_CONNECTION_STRING</c> if set, else the
    /// embedded database that a silo started in <paramref name="workingDirectory"/> recorded.
    /// </summary>
    public static ArClusterClientOptions FromEnvironment(string? workingDirectory = null)
    {
        var fromVariable = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return new ArClusterClientOptions { ConnectionString = fromVariable };
        }

        var file = Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), LocalConnectionStringFile);
        return File.Exists(file)
            ? new ArClusterClientOptions { ConnectionString = File.ReadAllText(file).Trim() }
            : throw new ClusterUnavailableException(
                $"No cluster to connect to: set {ConnectionStringVariable}, or start a silo in this folder (dotnet run --project silo/ArCluster.Silo), which records its embedded database in {LocalConnectionStringFile}.");
    }
}
