namespace ArCluster.Persistence.LocalServer;

/// <summary>Finds the installed PostgreSQL server programs (initdb, pg_ctl).</summary>
public static class PostgresBinaries
{
    public const string DirectoryVariable = "ARCLUSTER_PG_BIN";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerPrograms(configured)
                ? configured
                : throw new LocalPostgresException($"{DirectoryVariable}={configured} does not contain initdb and pg_ctl.");
        }

        // Debian installs each major version side by side; prefer the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => HasServerPrograms(c.Dir))
                .OrderByDescending(c => c.Major)
                .Select(c => c.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerPrograms);
        return onPath ?? throw new LocalPostgresException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them (Debian: apt-get install postgresql), " +
            $"set {DirectoryVariable} to their folder, or configure an existing server with ConnectionStrings:ArCluster.");
    }

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
