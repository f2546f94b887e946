namespace ArCluster.Silo.Demo;

/// <summary>The demo workload README's first command runs (<c>--demo</c>); section "ArCluster:Demo".</summary>
public sealed class DemoSettings
{
    public const string Section = "ArCluster:Demo";

    public bool Enabled { get; set; }

    public int Seed { get; set; } = 42;

    public int Practices { get; set; } = 3;

    public int Days { get; set; } = 30;

    /// <summary>Where the simulated files are written (regenerated each run: the same seed gives the same files).</summary>
    public string Folder { get; set; } = Path.Combine(".arcluster", "demo");

    public IEnumerable<string> Problems()
    {
        if (Practices is < 1 or > 200)
        {
            yield return "ArCluster:Demo:Practices must be 1 to 200";
        }

        if (Days is < 1 or > 366)
        {
            yield return "ArCluster:Demo:Days must be 1 to 366";
        }
    }
}
