using Orleans.Configuration;
using Orleans.Hosting;

namespace ArCluster.Persistence.Orleans;

/// <summary>Wires Orleans clustering, grain state and reminders to the ArCluster PostgreSQL schema.</summary>
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
        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }
}
