using System.ComponentModel;
using ArCluster.Abstractions.Worklists;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>
/// An action on a worklist item. The action id is the idempotency key: resend the same command with
/// the same id after a failure or time-out and it is done once.
/// </summary>
public abstract class WorklistActionSettings : WorklistItemSettings
{
    [CommandOption("--action-id <ID>")]
    [Description("Your id for this action (letters, digits, '-', '_', '.'); default: a new GUID. Resending it returns the first result.")]
    public string? ActionId { get; init; }

    [CommandOption("--note <TEXT>")]
    [Description("A note kept with the action.")]
    public string? Note { get; init; }

    public abstract WorklistActionKind Action { get; }

    public sealed override ValidationResult Validate() => OptionValues.Validate(Problems());

    /// <summary>The request, with what this action's options add.</summary>
    public virtual WorklistActionRequest ToRequest() =>
        new(string.IsNullOrWhiteSpace(ActionId) ? Guid.NewGuid().ToString() : ActionId, ItemKey, Action, User, Note);

    protected virtual IEnumerable<string?> Problems() => [];
}

/// <summary>Sends an action and prints what was recorded.</summary>
public abstract class WorklistActionCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : WorklistActionSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        WorklistOutput.WriteReceipt(await client.Worklists.ActAsync(settings.PracticeId, settings.ToRequest()), settings.Json);
        return 0;
    }
}
