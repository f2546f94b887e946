using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

public sealed class ClusterStatusCommand : AsyncCommand<ClusterSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ClusterSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var members = await client.Cluster.GetActiveMembersAsync();
        if (settings.Json)
        {
            Output.WriteJson(members);
            return 0;
        }

        var table = new Table().AddColumns("Silo", "Name", "Host", "Status", "Started (UTC)", "Last heartbeat (UTC)");
        foreach (var m in members)
        {
            table.AddRow(m.Address, Markup.Escape(m.Name), Markup.Escape(m.HostName), m.Status,
                m.StartedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                m.LastHeartbeat.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
