using System.Diagnostics;

namespace ArCluster.Testing;

/// <summary>Runs the built arctl in its own process against one cluster, as an operator or a script would.</summary>
public static class ArctlProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string connectionString, string clusterId, string user, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arguments = args.ToArray();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(RepositoryPaths.ArctlAssembly);
        foreach (var arg in arguments.Concat(["--connection", connectionString, "--cluster-id", clusterId, "--user", user]))
        {
            start.ArgumentList.Add(arg);
        }

        // The cluster named here, never one the environment points at.
        start.Environment.Remove("ARCLUSTER_CONNECTION_STRING");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start arctl.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"arctl {string.Join(' ', arguments)} did not finish within 60 s:\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
