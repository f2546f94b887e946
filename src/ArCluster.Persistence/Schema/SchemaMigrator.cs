using ArCluster.Persistence.Connectivity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ArCluster.Persistence.Schema;

/// <summary>
/// Brings a database up to the schema this build ships. Safe to run any number of times and from
/// several silos at once: a session advisory lock serializes migrators, each script runs in its own
/// transaction together with its history row, and scripts already applied are skipped.
/// </summary>
public sealed class SchemaMigrator(string connectionString, ILogger? logger = null)
{
    /// <summary>"ARClustr" in ASCII: the advisory lock every ArCluster migrator takes.</summary>
    private const long MigrationLockKey = 0x4152_436C_7573_7472;

    private const int MinimumServerMajorVersion = 15;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Applies pending scripts and returns the ones this call applied.</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnection.OpenAsync(connectionString, cancellationToken);
        RequireSupportedServer(connection);

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS arcluster_schema_history (
                    version    integer     NOT NULL PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await ReadHistoryAsync(connection, cancellationToken);
            VerifyUnchanged(applied);

            var pending = SchemaScript.All.Where(s => !applied.ContainsKey(s.Version)).ToArray();
            foreach (var script in pending)
            {
                await ApplyAsync(connection, script, cancellationToken);
            }

            return pending;
        }
        finally
        {
            // Unlock even when cancelled: a migrator that leaves the lock held blocks every silo.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private static void RequireSupportedServer(NpgsqlConnection connection)
    {
        if (connection.PostgreSqlVersion.Major < MinimumServerMajorVersion)
        {
            throw new DatabaseUnavailableException(
                $"PostgreSQL {connection.PostgreSqlVersion} is too old: ArCluster needs {MinimumServerMajorVersion} or newer (it relies on UNIQUE NULLS NOT DISTINCT).");
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO arcluster_schema_history (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
                record.Parameters.Add(new NpgsqlParameter { Value = script.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException(
                $"Schema script {script.Name}.sql failed and was rolled back: {e.MessageText} (SQLSTATE {e.SqlState}{(e.Position > 0 ? $", at character {e.Position}" : string.Empty)}).", e);
        }

        _logger.LogInformation("Applied schema script {SchemaScript}", script.Name);
    }

    private static void VerifyUnchanged(Dictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var script in SchemaScript.All)
        {
            if (applied.TryGetValue(script.Version, out var done) && done.Checksum != script.Checksum)
            {
                throw new InvalidOperationException(
                    $"Schema script {script.Name}.sql differs from the version applied to this database as '{done.Name}'. " +
                    "Applied scripts must never be edited: restore it and put the change in a new script.");
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadHistoryAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM arcluster_schema_history", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return history;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
