namespace ArCluster.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding ArCluster.sln, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built silo, from the same configuration (Debug/Release) as the running tests.</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(Root, "silo", "ArCluster.Silo", "bin", configuration, "net10.0", "ArCluster.Silo.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The silo is not built at {path}; build the solution first.", path);
        }
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
