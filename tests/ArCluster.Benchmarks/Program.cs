using ArCluster.Benchmarks;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("arcluster-bench");
    config.AddCommand<LedgerBenchmarkCommand>("ledger")
        .WithDescription("Durable postings per second through the grains, beside PostgreSQL's own ceilings on the same database.");
});
return await app.RunAsync(args);
