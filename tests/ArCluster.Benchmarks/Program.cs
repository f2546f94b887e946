using ArCluster.Benchmarks;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("arcluster-bench");
    config.AddCommand<SuiteCommand>("suite")
        .WithDescription("Every figure in one run and one table (machine, parse, durable postings, ingestion on 1 and 2 silos, live reconciliation, memory per claim grain), each beside its baseline; ~10 min.");
    config.AddCommand<LedgerBenchmarkCommand>("ledger")
        .WithDescription("Durable postings per second through the grains, beside PostgreSQL's own ceilings on the same database.");
    config.AddCommand<IngestBenchmarkCommand>("ingest")
        .WithDescription("An 835 file ingested end to end through a real client into durable PostgreSQL, in claims per second.");
    config.AddCommand<ReconBenchmarkCommand>("recon")
        .WithDescription("Supervisor balance query p50/p99 while an 835 posts at full speed, and ingestion with the ledger stream consumers on versus off.");
    config.AddCommand<FollowUpBenchmarkCommand>("followup").WithDescription("Follow-up reminders for N open claims: reminder rows, table size, heap, wakes per day and per second, against follow-up off.");
    config.AddCommand<MemoryBenchmarkCommand>("memory")
        .WithDescription("Memory per active claim grain with 100,000 claims active, opened and paid, against the 8 KB target, and what the bytes are.");
    config.AddCommand<ParseBenchmarkCommand>("parse").WithDescription("835 streaming parse + balancing MB/s beside a raw byte scan of the same file, and memory while streaming.");
});
return await app.RunAsync(args);
