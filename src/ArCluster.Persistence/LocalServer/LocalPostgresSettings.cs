using System.Security.Cryptography;
using System.Text.Json;

namespace ArCluster.Persistence.LocalServer;

/// <summary>What a local server was created with, kept beside its data so restarts reuse it.</summary>
internal sealed record LocalPostgresSettings(string User, string Password, int Port)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static LocalPostgresSettings CreateNew(int port) =>
        new("arcluster", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18)), port);

    public static LocalPostgresSettings? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<LocalPostgresSettings>(File.ReadAllText(path)) : null;

    public void Save(string path)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
        if (!OperatingSystem.IsWindows())
        {
            // Holds the database password: readable by the owner only.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
