using System.Collections.Concurrent;

namespace ArCluster.Persistence.Ledger;

/// <summary>
/// One copy of each short string read back from the journal: payer ids, CAS groups and reasons,
/// codes, user names and practice ids repeat in every entry of every claim a silo keeps in memory.
/// Bounded, so unique values (entry and posting ids are longer anyway) cannot grow it for ever.
/// </summary>
internal static class SharedStrings
{
    private const int MaxLength = 24;
    private const int MaxCount = 200_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string? Share(string? value)
    {
        if (value is null || value.Length > MaxLength)
        {
            return value;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < MaxCount ? Pool.GetOrAdd(value, value) : value;
    }
}
