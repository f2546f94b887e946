using ArCluster.Persistence.Aging;
using ArCluster.Persistence.Feed;
using ArCluster.Persistence.FollowUp;
using ArCluster.Persistence.Journal;
using ArCluster.Persistence.Ledger;
using ArCluster.Persistence.Reconciliation;
using ArCluster.Persistence.Worklists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace ArCluster.Persistence.Orleans;

/// <summary>Wires Orleans clustering, grain state, reminders and the ledger journal to the ArCluster PostgreSQL schema.</summary>
public static class OrleansPostgres
{
    /// <summary>The ADO.NET invariant the Orleans providers use to load Npgsql.</summary>
    public const string Invariant = "Npgsql";

    public static ISiloBuilder UseArClusterPostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(builder => builder.Configure<Serializer>((options, serializer) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;

            // Orleans' own binary format, versioned by the [Id]s on every state type, instead of the
            // default Newtonsoft JSON with reference tracking, which cost a third of the CPU of a
            // remittance's state writes.
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddArClusterJournal(connectionString);
        return silo;
    }

    /// <summary>The silo's one journal writer, shared by every grain so their postings commit together.</summary>
    public static IServiceCollection AddArClusterJournal(this IServiceCollection services, string connectionString, Action<LedgerJournalOptions>? configure = null)
    {
        var options = new LedgerJournalOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        // The journal runs the same few statements for every batch: prepared once per connection,
        // they are not parsed and planned again.
        var journalConnection = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 };
        services.AddSingleton(_ => NpgsqlDataSource.Create(journalConnection.ConnectionString));
        services.AddSingleton<ILedgerJournal>(provider => new PostgresLedgerJournal(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<LedgerJournalOptions>(),
            provider.GetRequiredService<ILogger<PostgresLedgerJournal>>()));
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<LedgerFeedReader>();
        services.AddSingleton<FeedCursorStore>();
        services.AddSingleton<ReconciliationStore>();
        services.AddSingleton<WorklistStore>();
        services.AddSingleton(provider => new WorklistSyncBatcher(
            provider.GetRequiredService<WorklistStore>(), provider.GetRequiredService<ILogger<WorklistSyncBatcher>>()));
        services.AddSingleton<FollowUpAlarmStore>();
        services.AddSingleton<AgingStore>();
        services.AddSingleton<ClaimFactsReader>();
        return services;
    }
}
