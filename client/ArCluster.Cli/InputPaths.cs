namespace ArCluster.Cli;

internal static class InputPaths
{
    /// <summary>Files as given, and every file of the folders given (name order).</summary>
    public static string[] Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
            }
        }

        return [.. files];
    }
}
