using ArCluster.Client;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Options every command takes: which cluster, who is acting, and whether to print JSON for scripts.</summary>
public class ClusterSettings : CommandSettings
{
    [CommandOption("--connection <CONNECTION_STRING>")]
    [System.ComponentModel.Description("PostgreSQL holding the cluster's membership. Default: ARCLUSTER_CONNECTION_STRING, else the embedded database of a silo started in this folder.")]
    public string? Connection { get; init; }

    [CommandOption("--cluster-id <ID>")]
    [System.ComponentModel.DefaultValue("arcluster")]
    public string ClusterId { get; init; } = "arcluster";

    [CommandOption("--user <NAME>")]
    [System.ComponentModel.Description("Who is acting; recorded on every posting. Default: the operating system user name.")]
    public string User { get; init; } = Environment.UserName;

    [CommandOption("--json")]
    [System.ComponentModel.Description("Print JSON instead of tables.")]
    public bool Json { get; init; }

    public Task<ArClusterClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var options = Connection is null ? ArClusterClientOptions.FromEnvironment() : new ArClusterClientOptions { ConnectionString = Connection };
        return ArClusterClient.ConnectAsync(options with { ClusterId = ClusterId, ServiceId = ClusterId, User = User }, cancellationToken);
    }
}
