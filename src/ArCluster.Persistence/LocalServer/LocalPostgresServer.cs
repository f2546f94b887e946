using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ArCluster.Persistence.LocalServer;

/// <summary>
/// A private PostgreSQL run from the machine's installed server programs in a folder of our own:
/// created on first start, reused afterwards, stopped by <see cref="StopAsync"/>. When this process
/// runs as root the server runs as the <c>postgres</c> user, because PostgreSQL refuses root.
/// Durability settings are left at PostgreSQL's defaults (fsync and synchronous_commit on).
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private readonly LocalPostgresOptions _options;
    private readonly string _binDirectory;
    private readonly string? _runAs;
    private bool _stopped;

    private LocalPostgresServer(LocalPostgresOptions options, string binDirectory, string? runAs, string connectionString, int port)
    {
        _options = options;
        _binDirectory = binDirectory;
        _runAs = runAs;
        ConnectionString = connectionString;
        Port = port;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public string RootDirectory => _options.RootDirectory;

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    public static async Task<LocalPostgresServer> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var binDirectory = PostgresBinaries.Locate();
        var runAs = Environment.IsPrivilegedProcess ? ServiceUser : null;
        var root = Path.GetFullPath(options.RootDirectory);
        Directory.CreateDirectory(root);
        if (runAs is not null && !await ServiceUserCanReachAsync(root, cancellationToken))
        {
            if (options.FallbackRootDirectory is null)
            {
                throw new LocalPostgresException(
                    $"The '{ServiceUser}' user cannot reach {root} (a parent folder is closed to other users). " +
                    "Put the local server elsewhere with ARCLUSTER_LOCAL_PG_DIR (for example /var/tmp/arcluster), or configure ConnectionStrings:ArCluster.");
            }

            root = Path.GetFullPath(options.FallbackRootDirectory);
            Directory.CreateDirectory(root);
            if (!await ServiceUserCanReachAsync(root, cancellationToken))
            {
                throw new LocalPostgresException($"The '{ServiceUser}' user can reach neither {options.RootDirectory} nor {root}.");
            }
        }

        options = options with { RootDirectory = root };

        var settingsPath = Path.Combine(root, "server.json");
        var dataDirectory = Path.Combine(root, "data");
        var settings = LocalPostgresSettings.Load(settingsPath);
        if (settings is null || !File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            settings = LocalPostgresSettings.CreateNew(options.PreferredPort);
            await InitializeAsync(binDirectory, root, dataDirectory, settings, runAs, options.MaxConnections, cancellationToken);
        }

        // A server left running by a process that was killed is stopped first, so it restarts with
        // our port and we own its lifetime.
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");
        var status = await ProcessRunner.RunAsync(pgCtl, ["status", "-D", dataDirectory], root, runAs, cancellationToken);
        if (status.ExitCode == 0)
        {
            await ProcessRunner.RunAsync(pgCtl, ["stop", "-D", dataDirectory, "-m", "fast", "-w"], root, runAs, cancellationToken);
        }

        var port = settings.Port != 0 && IsPortFree(settings.Port) ? settings.Port : FreePort();
        settings = settings with { Port = port };
        settings.Save(settingsPath);

        var logFile = Path.Combine(root, "server.log");
        var started = await ProcessRunner.RunAsync(
            pgCtl, ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", $"-p {port}"], root, runAs, cancellationToken);
        if (started.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"The local PostgreSQL in {root} did not start (pg_ctl exit {started.ExitCode}): {started.Output}\n{Tail(logFile)}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = settings.User,
            Password = settings.Password,
            Database = options.Database,
        }.ConnectionString;
        var server = new LocalPostgresServer(options, binDirectory, runAs, connectionString, port);
        try
        {
            await server.CreateDatabaseAsync(options.Database, cancellationToken);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }

        return server;
    }

    /// <summary>Creates a database on this server if it does not exist; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        // A throwaway server's data is deleted next, so it need not shut down cleanly.
        var mode = _options.DeleteOnStop ? "immediate" : "fast";
        await ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", mode, "-w"], RootDirectory, _runAs, CancellationToken.None);
        if (_options.DeleteOnStop)
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static async Task InitializeAsync(
        string binDirectory, string root, string dataDirectory, LocalPostgresSettings settings, string? runAs, int maxConnections, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDirectory))
        {
            // A half-created data folder from an interrupted first run; nothing in it is data yet.
            Directory.Delete(dataDirectory, recursive: true);
        }

        var passwordFile = Path.Combine(root, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, settings.Password, cancellationToken);
        try
        {
            if (runAs is not null)
            {
                await ChownAsync(passwordFile, cancellationToken);
            }

            var result = await ProcessRunner.RunAsync(
                Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-U", settings.User, $"--pwfile={passwordFile}", "--auth=scram-sha-256",
                 "--encoding=UTF8", "--no-locale", "--no-instructions"],
                root, runAs, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new LocalPostgresException($"initdb failed in {dataDirectory} (exit {result.ExitCode}): {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }

        // Loopback TCP only and no Unix socket: the server is private to this machine and folder.
        await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), $"""

            # ArCluster local server
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = {maxConnections}
            """, cancellationToken);
    }

    private static async Task<bool> ServiceUserCanReachAsync(string root, CancellationToken cancellationToken)
    {
        await ChownAsync(root, cancellationToken);
        var reachable = await ProcessRunner.RunAsync("test", ["-w", root, "-a", "-x", root], "/", ServiceUser, cancellationToken);
        return reachable.ExitCode == 0;
    }

    private static async Task ChownAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], "/", null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"Could not hand {path} to the '{ServiceUser}' user, which the server must run as when started by root: {result.Output}. " +
                "Install PostgreSQL (apt-get install postgresql) so that user exists.");
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string logFile) =>
        File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(15)) : "(no server log)";
}
