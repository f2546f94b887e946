namespace ArCluster.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding ArCluster.sln, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built silo, from the same configuration (Debug/Release) as the running tests.</summary>
    public static string SiloAssembly => Built("silo", Path.Combine("silo", "ArCluster.Silo"), "ArCluster.Silo.dll");

    /// <summary>The built arctl (client/ArCluster.Cli), from the same configuration as the running tests.</summary>
    public static string ArctlAssembly => Built("arctl", Path.Combine("client", "ArCluster.Cli"), "arctl.dll");

    /// <summary>
    /// The public X12 sample files (with their MANIFEST.tsv of origins and licences), kept in the
    /// repository so a clean clone tests against exactly these.
    /// </summary>
    public static string X12Samples => Path.Combine(Root, "tests", "TestData", "x12-samples");

    /// <summary>A file of the sample data in deploy/local.</summary>
    public static string Sample(string fileName) => Path.Combine(Root, "deploy", "local", fileName);

    private static string Built(string what, string project, string assembly)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0", assembly);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The {what} is not built at {path}; build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArCluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"ArCluster.sln not found above {AppContext.BaseDirectory}");
    }
}
