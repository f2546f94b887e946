using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>A practice's (or, with no practice, the company's) AR aging as of a day.</summary>
public sealed class AgingCommand : AsyncCommand<AgingCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "[PRACTICE_ID]")]
        [Description("The practice; without one, the company with a row per practice.")]
        public string? Practice { get; init; }

        [CommandOption("--as-of <DATE>")]
        [Description("The day balances are aged to (YYYY-MM-DD). Default: today.")]
        public string? AsOf { get; init; }

        public DateOnly? AsOfDate => AsOf is null ? null : OptionValues.Date(AsOf);

        public override ValidationResult Validate() => OptionValues.Validate([OptionValues.CheckDate("--as-of", AsOf)]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = await settings.ConnectAsync(cancellationToken);
        var view = settings.Practice is null
            ? await client.Aging.GetCompanyAsync(settings.AsOfDate)
            : await client.Aging.GetAsync(settings.Practice, settings.AsOfDate);
        AgingOutput.Write(view, settings.Json);
        return 0;
    }
}
