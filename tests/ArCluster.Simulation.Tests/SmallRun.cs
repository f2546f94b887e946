namespace ArCluster.Simulation.Tests;

/// <summary>
/// The default simulation (3 practices — family medicine, orthopedics, pediatrics — and 30 days of
/// service, about 1,900 claims) written once to a temporary folder and read back for every test of
/// the collection.
/// </summary>
public sealed class SmallRun : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"arcluster-simulation-{Guid.NewGuid():N}");

    public SmallRun()
    {
        var simulation = new Simulation(new SimulationOptions());
        Run = new GeneratedRun(simulation, simulation.WriteFiles(_directory));
    }

    public GeneratedRun Run { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SmallRunGroup : ICollectionFixture<SmallRun>
{
    public const string Name = "small simulated run";
}
