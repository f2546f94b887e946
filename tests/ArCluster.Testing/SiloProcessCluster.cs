using System.Diagnostics;
using System.Text;

namespace ArCluster.Testing;

/// <summary>
/// A cluster of real silo processes on one database, for fault tests: silos can be killed outright
/// (SIGKILL, as a crash or an OOM kill would) and replaced while work goes on, and the cluster can be
/// waited on until every running silo sees exactly the running silos as active.
/// </summary>
public sealed class SiloProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    private readonly string _connectionString;
    private readonly string _clusterId;
    private readonly List<SiloProcess> _running = [];
    private readonly List<SiloProcess> _killed = [];
    private readonly Dictionary<SiloProcess, string> _addresses = [];
    private readonly Stopwatch _age = Stopwatch.StartNew();
    private readonly StringBuilder _events = new();

    private SiloProcessCluster(string connectionString, string clusterId)
    {
        _connectionString = connectionString;
        _clusterId = clusterId;
    }

    public string ClusterId => _clusterId;

    public IReadOnlyList<SiloProcess> Running
    {
        get
        {
            lock (_running)
            {
                return [.. _running];
            }
        }
    }

    /// <summary>What happened to the cluster (starts, kills), one line each, with seconds since it started.</summary>
    public string Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="size"/> silos at once and waits until they form one cluster.</summary>
    public static async Task<SiloProcessCluster> StartAsync(string connectionString, string clusterId, int size)
    {
        var cluster = new SiloProcessCluster(connectionString, clusterId);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, size).Select(_ => cluster.StartSiloAsync()));
            await cluster.WaitUntilSettledAsync(StartLimit);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and waits until it is active.</summary>
    public async Task<SiloProcess> StartSiloAsync()
    {
        var silo = SiloProcess.Launch(_connectionString, _clusterId);
        lock (_running)
        {
            _running.Add(silo);
        }

        var health = await silo.WaitUntilHealthyAsync(expectedActiveMembers: 1, StartLimit);
        lock (_running)
        {
            _addresses[silo] = health.Silo;
        }

        Record($"started {health.Silo}");
        return silo;
    }

    /// <summary>Kills <paramref name="silo"/> with SIGKILL: no shutdown, no goodbye to the cluster, queues and activations lost.</summary>
    public async Task KillAsync(SiloProcess silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_running)
        {
            if (!_running.Remove(silo))
            {
                throw new InvalidOperationException("That silo is not running in this cluster.");
            }

            _killed.Add(silo);
        }

        await silo.KillAsync();
        Record($"killed {AddressOf(silo)}");
    }

    /// <summary>The address the silo reported when it became active (its Orleans silo address).</summary>
    public string AddressOf(SiloProcess silo)
    {
        lock (_running)
        {
            return _addresses.TryGetValue(silo, out var address) ? address : "(starting)";
        }
    }

    /// <summary>
    /// Waits until every running silo is healthy and sees exactly the running silos as the active
    /// members: the killed ones have been declared dead and the new ones have joined.
    /// </summary>
    public async Task WaitUntilSettledAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        string last = "(no health read yet)";
        while (deadline.Elapsed < timeout)
        {
            var running = Running;
            var expected = running.Select(AddressOf).Order(StringComparer.Ordinal).ToArray();
            var views = await Task.WhenAll(running.Select(s => s.TryHealthAsync()));
            var settled = views.All(v => v is { Status: "Healthy" }
                && v.ActiveMembers.Select(m => m.Address).Order(StringComparer.Ordinal).SequenceEqual(expected, StringComparer.Ordinal));
            if (settled)
            {
                Record($"settled with {string.Join(", ", expected)}");
                return;
            }

            last = string.Join("; ", views.Select((v, i) =>
                $"{AddressOf(running[i])} sees {(v is null ? "nothing" : $"{v.Status}: {string.Join(", ", v.ActiveMembers.Select(m => m.Address))}")}"));
            await Task.Delay(250);
        }

        throw new TimeoutException($"The cluster did not settle within {timeout.TotalSeconds:0} s: {last}\n{Events}");
    }

    /// <summary>Every silo's output, running and killed, for a failure message.</summary>
    public string Logs()
    {
        SiloProcess[] all;
        lock (_running)
        {
            all = [.. _killed, .. _running];
        }

        return string.Join("\n", all.Select(s => $"===== silo {AddressOf(s)}{(s.HasExited ? " (exited)" : string.Empty)}\n{s.Output}"));
    }

    /// <summary>Kills every silo still running: the database is thrown away, so there is nothing to shut down cleanly for.</summary>
    public async ValueTask DisposeAsync()
    {
        SiloProcess[] all;
        lock (_running)
        {
            all = [.. _running, .. _killed];
            _running.Clear();
        }

        foreach (var silo in all)
        {
            await silo.KillAsync();
            await silo.DisposeAsync();
        }
    }

    private void Record(string what)
    {
        lock (_events)
        {
            _events.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{_age.Elapsed.TotalSeconds,7:0.0}s {what}");
        }
    }
}
