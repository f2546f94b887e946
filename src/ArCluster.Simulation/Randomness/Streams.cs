namespace ArCluster.Simulation.Randomness;

/// <summary>What a random stream decides; each purpose gets its own stream so adding a draw to one never shifts another.</summary>
internal enum Purpose
{
    Practice = 1,
    Schedule,
    Patient,
    Visit,
    Fate,
    Transaction,
    Deposit,
    BankDay,
}

/// <summary>
/// Every random decision comes from a stream keyed by (seed, purpose, ids): a claim's visit is keyed
/// by its practice and index, so any claim can be rebuilt alone, in any order, and a run of a million
/// claims never has to hold the ones before it.
/// </summary>
internal static class Streams
{
    public static SimRandom Of(int seed, Purpose purpose, long a = 0, long b = 0, long c = 0)
    {
        var h = Mix(unchecked((ulong)seed * 0xD1B54A32D192ED03UL) ^ (ulong)purpose);
        h = Mix(h ^ unchecked((ulong)a));
        h = Mix(h ^ unchecked((ulong)b * 0x9E3779B97F4A7C15UL));
        h = Mix(h ^ unchecked((ulong)c * 0xC2B2AE3D27D4EB4FUL));
        return new SimRandom(h);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
