using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Shows an account: its claims and balances, payments and credit. The table shows the patient as initials only.</summary>
public sealed class AccountShowCommand : AsyncCommand<AccountSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AccountSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteAccount(await client.Accounts.GetAsync(settings.PracticeId, settings.AccountId), settings.Json);

        return 0;
    }
}
