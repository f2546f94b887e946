using ArCluster.Testing;

namespace ArCluster.Cluster.Tests.Hosting;

/// <summary>
/// README's first command, smaller: a real silo process with --demo settings runs a simulated
/// workload through the client library and reports totals equal to the simulator's, to the cent.
/// </summary>
public class DemoTest
{
    [Fact]
    public async Task The_demo_posts_a_simulated_workload_and_its_totals_equal_the_simulators()
    {
        var database = await TestPostgres.CreateDatabaseAsync("demo");
        var folder = Path.Combine(Path.GetTempPath(), $"arcluster-demo-{Guid.NewGuid():N}");
        await using var silo = SiloProcess.Launch(database, $"demo-{Guid.NewGuid():N}", new Dictionary<string, string>
        {
            ["ArCluster__Demo__Enabled"] = "true",
            ["ArCluster__Demo__Practices"] = "2",
            ["ArCluster__Demo__Days"] = "4",
            ["ArCluster__Demo__Folder"] = folder,
        });

        var output = await Eventually.ValueAsync(
            () => Task.FromResult(silo.HasExited ? throw new InvalidOperationException($"The demo silo exited:\n{silo.Output}") : silo.Output),
            o => o.Contains("The cluster is up", StringComparison.Ordinal),
            TimeSpan.FromMinutes(3));

        // Tables wrap at 80 columns when the output is not a terminal.
        output = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Contains("✓ charges, payer payments, 835 totals and deposits equal the simulator's to the cent", output, StringComparison.Ordinal);
        Assert.Contains("✓ aging buckets sum to total AR to the cent", output, StringComparison.Ordinal);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        Assert.Contains("Denial rate", output, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder), "*.835", SearchOption.AllDirectories).Any());
        Assert.NotNull(await silo.TryHealthAsync());
        Directory.Delete(folder, recursive: true);
    }
}
