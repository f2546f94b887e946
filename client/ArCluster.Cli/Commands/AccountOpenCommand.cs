using System.ComponentModel;
using ArCluster.Abstractions.Accounts;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Opens a patient account from a JSON file; opening it again with the same details returns it.</summary>
public sealed class AccountOpenCommand : AsyncCommand<AccountOpenCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("JSON account (see deploy/local/sample-account.json).")]
        public required string File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var account = await Input.ReadJsonAsync<NewAccount>(settings.File, "account", cancellationToken);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteAccount(await client.Accounts.OpenAsync(account), settings.Json);

        return 0;
    }
}
