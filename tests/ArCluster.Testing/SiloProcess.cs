using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ArCluster.Testing;

/// <summary>A real silo host process on loopback ports, as an operator would run it.</summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int siloPort, int gatewayPort, int healthPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HealthPort = healthPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HealthPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a silo without waiting for it to become healthy.</summary>
    public static SiloProcess Launch(string? connectionString, string clusterId, IDictionary<string, string>? extraEnvironment = null)
    {
        var ports = FreePorts.Take(3);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepositoryPaths.SiloAssembly);
        start.Environment["ArCluster__ClusterId"] = clusterId;
        start.Environment["ArCluster__ServiceId"] = clusterId;
        start.Environment["ArCluster__SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ArCluster__GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ArCluster__HealthPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("ARCLUSTER_CONNECTION_STRING");
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__ArCluster"] = connectionString;
        }

        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the silo process.");
        return new SiloProcess(process, ports[0], ports[1], ports[2]);
    }

    /// <summary>Starts a silo and waits until its health endpoint reports it active.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId)
    {
        var silo = Launch(connectionString, clusterId);
        await silo.WaitUntilHealthyAsync(expectedActiveMembers: 1, TimeSpan.FromSeconds(90));
        return silo;
    }

    public async Task<HealthDocument> WaitUntilHealthyAsync(int expectedActiveMembers, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        HealthDocument? last = null;
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}:\n{Output}");
            }

            last = await TryHealthAsync();
            if (last is { Status: "Healthy" } && last.ActiveMembers.Count >= expectedActiveMembers)
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"The silo did not report {expectedActiveMembers} active member(s) within {timeout}; last health: {JsonSerializer.Serialize(last)}\n{Output}");
    }

    public async Task<HealthDocument?> TryHealthAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{HealthPort}/health"));
            return await response.Content.ReadFromJsonAsync<HealthDocument>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Asks the silo to shut down gracefully (SIGTERM) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the silo outright (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

public sealed record HealthDocument(string Status, string Silo, string SiloStatus, string ClusterId, long MembershipVersion, IReadOnlyList<HealthMemberDocument> ActiveMembers);

public sealed record HealthMemberDocument(string Address, string Name, string Status);
