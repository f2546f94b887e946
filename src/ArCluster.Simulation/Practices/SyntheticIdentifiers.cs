using System.Globalization;
using ArCluster.Simulation.Randomness;

namespace ArCluster.Simulation.Practices;

/// <summary>Made-up identifiers that pass the real check-digit rules, never repeated within a simulation.</summary>
internal static class SyntheticIdentifiers
{
    /// <summary>An NPI: 1 or 2, eight digits, and the Luhn check digit over the 80840-prefixed number.</summary>
    public static string Npi(SimRandom random, HashSet<string> used)
    {
        while (true)
        {
            var stem = string.Create(CultureInfo.InvariantCulture, $"{random.Between(1, 2)}{random.Next(100_000_000):D8}");
            var npi = stem + Domain.Identifiers.Npi.CheckDigit(stem).ToString(CultureInfo.InvariantCulture);
            if (used.Add(npi))
            {
                return npi;
            }
        }
    }

    /// <summary>An EIN written 12-3456789.</summary>
    public static string TaxId(SimRandom random, HashSet<string> used)
    {
        while (true)
        {
            var taxId = string.Create(CultureInfo.InvariantCulture, $"{random.Between(20, 88):D2}-{random.Next(10_000_000):D7}");
            if (used.Add(taxId))
            {
                return taxId;
            }
        }
    }

    /// <summary>A bank account number of 10 to 12 digits (BAI2 and ACH allow 4 to 17).</summary>
    public static string BankAccount(SimRandom random, HashSet<string> used)
    {
        while (true)
        {
            var length = random.Between(10, 12);
            var digits = new char[length];
            digits[0] = (char)('1' + random.Next(9));
            for (var i = 1; i < length; i++)
            {
                digits[i] = (char)('0' + random.Next(10));
            }

            var account = new string(digits);
            if (used.Add(account))
            {
                return account;
            }
        }
    }

    /// <summary>An ABA routing number: Federal Reserve district 01–12, six digits, and the 3-7-1 weighted check digit.</summary>
    public static string RoutingNumber(SimRandom random)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{random.Between(1, 12):D2}{random.Next(1_000_000):D6}");
        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (stem[i] - '0') * weights[i];
        }

        return stem + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
