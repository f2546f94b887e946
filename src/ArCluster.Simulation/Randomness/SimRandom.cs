namespace ArCluster.Simulation.Randomness;

/// <summary>
/// SplitMix64: tiny, fast and the same on every platform and .NET version, which
/// <see cref="System.Random"/> does not promise for a seed. Doubles are used for probabilities
/// only; money is drawn as whole cents or as decimal factors (<see cref="Factor"/>).
/// </summary>
internal sealed class SimRandom(ulong state)
{
    private ulong _state = state;

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>0 to <paramref name="maxExclusive"/> − 1 (Lemire's multiply-shift; bias below 2^-32).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary><paramref name="min"/> to <paramref name="maxInclusive"/>.</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A decimal between <paramref name="min"/> and <paramref name="max"/> in steps of 0.0001.</summary>
    public decimal Factor(decimal min, decimal max) => min + ((max - min) * Next(10_001) / 10_000m);

    /// <summary>Whole cents between the two amounts (inclusive), as a two-decimal amount.</summary>
    public decimal Amount(decimal min, decimal max)
    {
        var low = Amounts.Cents(min);
        var span = (ulong)(Amounts.Cents(max) - low + 1);
        return Amounts.FromCents(low + (long)(NextUInt64() % span));
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given relative weights.</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Poisson-distributed count (Knuth); means here are visit counts, well under 100.</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }
}
