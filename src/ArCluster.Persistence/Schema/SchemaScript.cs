using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ArCluster.Persistence.Schema;

/// <summary>One versioned file of deploy/sql, named <c>NNNN_description.sql</c>.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "ArCluster.Schema.";

    /// <summary>Every script shipped with this build, in the order they must be applied.</summary>
    public static IReadOnlyList<SchemaScript> All { get; } = LoadEmbedded();

    private static SchemaScript[] LoadEmbedded()
    {
        var assembly = typeof(SchemaScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(s => s.Version)
            .ToArray();
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Schema version {duplicate.Key} is used by more than one script: {string.Join(", ", duplicate.Select(s => s.Name))}");
        }

        return scripts;
    }

    private static SchemaScript Load(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), out var version))
        {
            throw new InvalidOperationException($"Schema script '{name}.sql' must be named NNNN_description.sql");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Checksums ignore line endings so a checkout with CRLF does not look like an edited script.
        var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new SchemaScript(version, name, sql, checksum);
    }
}
