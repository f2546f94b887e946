namespace ArCluster.Simulation.Tests;

public sealed class DeterminismTest : IDisposable
{
    private static readonly SimulationOptions Options = new() { Seed = 7, Practices = 2, Days = 10 };

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"arcluster-determinism-{Guid.NewGuid():N}");

    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        var first = new Simulation(Options).WriteFiles(Path.Combine(_root, "first"));
        var second = new Simulation(Options).WriteFiles(Path.Combine(_root, "second"));

        var firstFiles = RelativeFiles(first.Directory);
        Assert.Equal(firstFiles, RelativeFiles(second.Directory));
        Assert.Contains(firstFiles, f => f.EndsWith(".835", StringComparison.Ordinal));
        foreach (var file in firstFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Directory, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Directory, file))),
                $"{file} differs between two runs with the same options");
        }
    }

    [Fact]
    public void Another_seed_bills_other_claims()
    {
        var simulation = new Simulation(Options);
        var other = new Simulation(Options with { Seed = 8 });

        Assert.NotEqual(simulation.Practices[0].Npi, other.Practices[0].Npi);
        Assert.NotEqual(Json(simulation.Claims(simulation.Practices[0]).Take(20)), Json(other.Claims(other.Practices[0]).Take(20)));
    }

    [Fact]
    public void Any_claim_rebuilt_alone_equals_the_one_streamed_in_order()
    {
        var simulation = new Simulation(Options);
        foreach (var practice in simulation.Practices)
        {
            var streamed = simulation.Claims(practice).ToList();
            Assert.Equal(practice.Claims, streamed.Count);
            foreach (var index in new[] { 0, streamed.Count / 3, streamed.Count / 2, streamed.Count - 1 })
            {
                Assert.Equal(Json([streamed[index]]), Json([simulation.Claim(practice, index)]));
            }
        }
    }

    [Fact]
    public void Claims_stream_in_date_of_service_order()
    {
        var simulation = new Simulation(Options);
        foreach (var practice in simulation.Practices)
        {
            var dates = simulation.Claims(practice).Select(c => c.Lines[0].ServiceDate).ToList();
            Assert.Equal(dates.Order(), dates);
        }
    }

    [Fact]
    public void Expectations_without_files_are_those_written_with_them()
    {
        var written = new Simulation(Options).WriteFiles(Path.Combine(_root, "written")).Expectations;
        var alone = new Simulation(Options).Expect();

        Assert.Equal(Json([written]), Json([alone]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static List<string> RelativeFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)];

    private static string Json<T>(IEnumerable<T> values) => System.Text.Json.JsonSerializer.Serialize(values.ToList());
}
