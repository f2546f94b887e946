using ArCluster.Abstractions.Errors;

namespace ArCluster.Grains;

/// <summary>Who is acting: recorded on every posting, so it must name someone.</summary>
internal static class Users
{
    public const int MaxLength = 100;

    public static string Check(string? user)
    {
        var name = user?.Trim() ?? string.Empty;
        return name.Length is > 0 and <= MaxLength && !name.Any(char.IsControl)
            ? name
            : throw new InvalidCommandException("Every posting records who made it.", [new FieldError("user", $"must be 1 to {MaxLength} printable characters")]);
    }
}
