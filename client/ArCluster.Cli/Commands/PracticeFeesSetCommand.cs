using System.ComponentModel;
using ArCluster.Abstractions.Practices;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Sets (replaces) one payer's fee schedule, the contracted allowed amount per code, from a JSON file.</summary>
public sealed class PracticeFeesSetCommand : AsyncCommand<PracticeFeesSetCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<PRACTICE_ID>")]
        [Description("The practice id, e.g. riverside.")]
        public required string PracticeId { get; init; }

        [CommandArgument(1, "<FILE>")]
        [Description("JSON fee schedule (see deploy/local/sample-fee-schedule.json).")]
        public required string File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var schedule = await Input.ReadJsonAsync<FeeScheduleRates>(settings.File, "fee schedule", cancellationToken);
        await using var client = await settings.ConnectAsync(cancellationToken);
        Output.WriteFeeSchedule(await client.Practices.SetFeeScheduleAsync(settings.PracticeId, schedule), settings.Json);

        return 0;
    }
}
