using System.ComponentModel;
using ArCluster.Abstractions.Practices;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Registers a practice from a JSON file, or updates it when --expected-version is given.</summary>
public sealed class PracticeRegisterCommand : AsyncCommand<PracticeRegisterCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("JSON practice registration (see deploy/local/sample-practice.json).")]
        public required string File { get; init; }

        [CommandOption("--expected-version <VERSION>")]
        [Description("Update an existing practice that is at this version.")]
        public int? ExpectedVersion { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registration = await Input.ReadJsonAsync<PracticeRegistration>(settings.File, "practice registration", cancellationToken);
        await using var client = await settings.ConnectAsync(cancellationToken);
        var practice = settings.ExpectedVersion is { } version
            ? await client.Practices.UpdateAsync(registration, version)
            : await client.Practices.RegisterAsync(registration);
        Output.WritePractice(practice, settings.Json);

        return 0;
    }
}
