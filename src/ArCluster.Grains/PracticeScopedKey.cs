using ArCluster.Abstractions.Errors;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Grains;

/// <summary>Keys of practice-owned grains: "practice/id", so no call can reach another practice's data by accident.</summary>
internal static class PracticeScopedKey
{
    public static string Of(string practiceId, string id) => $"{practiceId}/{id}";

    public static (PracticeId Practice, string Id) Parse(string key, string what)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !PracticeId.TryParse(key[..slash], out var practice, out _) || slash == key.Length - 1)
        {
            throw new InvalidCommandException(
                $"'{key}' is not a {what} key: use \"<practice id>/<{what} id>\".",
                [new FieldError("key", "must be <practice id>/<id>")]);
        }

        return (practice, key[(slash + 1)..]);
    }

    /// <summary>The command must name the practice and id of the grain it was sent to.</summary>
    public static void CheckAddressed(string key, string practiceId, string id, string what)
    {
        if (Of(practiceId, id) != key)
        {
            throw new InvalidCommandException(
                $"The {what} '{practiceId}/{id}' in the request is not the {what} addressed ('{key}').",
                [new FieldError($"{what}Id", $"must match the addressed {what} '{key}'")]);
        }
    }
}
