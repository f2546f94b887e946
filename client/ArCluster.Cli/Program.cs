using ArCluster.Abstractions.Errors;
using ArCluster.Cli.Commands;
using ArCluster.Client;
using Spectre.Console;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("arctl");
    config.PropagateExceptions();
    config.AddBranch("cluster", cluster =>
    {
        cluster.SetDescription("The cluster itself.");
        cluster.AddCommand<ClusterStatusCommand>("status").WithDescription("Active silos as recorded in PostgreSQL membership.");
    });
    config.AddBranch("practice", practice =>
    {
        practice.SetDescription("Client practices (tenants).");
        practice.AddCommand<PracticeRegisterCommand>("register").WithDescription("Register a practice from a JSON file (or update it with --expected-version).");
        practice.AddCommand<PracticeShowCommand>("show").WithDescription("Show a practice and its payers.");
    });
});

try
{
    return await app.RunAsync(args);
}
catch (InvalidCommandException e)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Rejected:[/] {e.Message}");
    return 1;
}
catch (Exception e) when (e is NotFoundException or ConflictException or InvalidDataException or FileNotFoundException)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
    return 1;
}
catch (ClusterUnavailableException e)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Cluster unavailable:[/] {e.Message}");
    return 2;
}
catch (CommandParseException e)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Usage:[/] {e.Message}");
    return 64;
}
