namespace ArCluster.X12.Tests.TestData;

/// <summary>
/// The public X12 samples: $ARCLUSTER_X12_SAMPLES, else the copy kept in the repository under
/// <c>tests/TestData/x12-samples</c> (with MANIFEST.tsv: origins and licences), so a clean clone
/// tests against exactly these. A missing folder fails the test that needs it — never a silent skip.
/// </summary>
public static class Samples
{
    public const string EnvironmentVariable = "ARCLUSTER_X12_SAMPLES";

    private static readonly Lazy<string> Folder = new(Find);

    public static string Root => Folder.Value;

    public static string Path(string relative)
    {
        var path = System.IO.Path.Combine(Root, relative);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Sample '{relative}' is missing from {Root}; restore it from MANIFEST.tsv there.", path);
    }

    public static IEnumerable<string> In(string folder)
    {
        var directory = System.IO.Path.Combine(Root, folder);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Sample folder '{folder}' is missing from {Root}.");
        }

        return Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal);
    }

    public static FileStream Open(string relative) => File.OpenRead(Path(relative));

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} is set to '{configured}', which is not a folder.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "TestData", "x12-samples");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ArCluster.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"The X12 samples were not found: no tests/TestData/x12-samples in the repository above {AppContext.BaseDirectory}. " +
            $"Restore them from git, or set {EnvironmentVariable} to a samples folder.");
    }
}
