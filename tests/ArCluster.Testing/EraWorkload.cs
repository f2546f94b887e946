using System.Globalization;
using ArCluster.Abstractions.Claims;

namespace ArCluster.Testing;

/// <summary>
/// Claims and the 835 that pays them, made up deterministically: a commercial payer allows 80% of
/// the charge and pays 80% of the allowed; the rest is CO-45 and PR-2 coinsurance. Lines carry
/// their line item control numbers, as real 837/835 round trips do. Every amount the 835 carries is
/// also available here, worked out from the claim number alone, so a test can know what posting it
/// must produce without reading anything back from the cluster.
/// </summary>
public sealed class EraWorkload(string practiceId, string payerId, int claims, int claimsPerTransaction)
{
    private static readonly (string Code, decimal Charge)[] Procedures =
        [("99213", 120.00m), ("99214", 185.00m), ("36415", 15.00m), ("85025", 28.00m), ("80053", 42.00m), ("93000", 60.00m)];

    private static readonly DateOnly FirstDay = new(2026, 10, 1);

    /// <summary>The 835's payment date (BPR16) and production date (DTM*405).</summary>
    public static readonly DateOnly PaymentDate = new(2026, 11, 1);

    public string PracticeId => practiceId;

    public string PayerId => payerId;

    public int Claims => claims;

    public NewClaim Claim(int n) => new(
        practiceId,
        ClaimId(n),
        AccountId(n),
        new CoverageInfo(payerId, $"M{n:D9}"),
        null,
        "1234567893",
        null,
        ["E11.9", "I10"],
        [.. Lines(n).Select(l => new NewServiceLine(l.Code, [], 1, l.Charge, l.Date, "11", [1], l.ControlNumber))]);

    public static string AccountId(int n) => $"EA{n / 5:D7}";

    /// <summary>The claim's id, CLM01 on the 837 and CLP01 on the 835.</summary>
    public static string ClaimId(int n) => $"E{n:D9}";

    /// <summary>What claim <paramref name="n"/> charged (its lines' charges).</summary>
    public static decimal ChargeOf(int n) => Lines(n).Sum(l => l.Charge);

    /// <summary>What the payer allowed for claim <paramref name="n"/> (AMT*B6 summed).</summary>
    public static decimal AllowedOf(int n) => Lines(n).Sum(l => Allowed(l.Charge));

    /// <summary>What the payer paid on claim <paramref name="n"/> (CLP04).</summary>
    public static decimal PaidOf(int n) => Lines(n).Sum(l => Paid(l.Charge));

    /// <summary>The 835 transactions <see cref="WriteEra(TextWriter, string, int, int)"/> writes for claims [first, first + count), as claim ranges.</summary>
    public IEnumerable<(int First, int Count)> Transactions(int first, int count)
    {
        for (var start = first; start < first + count; start += claimsPerTransaction)
        {
            yield return (start, Math.Min(claimsPerTransaction, first + count - start));
        }
    }

    /// <summary>BPR02 of the transaction paying claims [first, first + count): what it says was sent.</summary>
    public static decimal TotalPaymentOf(int first, int count) => Enumerable.Range(first, count).Sum(PaidOf);

    /// <summary>Writes the 835 paying every claim: one interchange, one group, a transaction per <c>claimsPerTransaction</c> claims.</summary>
    public void WriteEra(TextWriter writer, string traceprefix) => WriteEra(writer, traceprefix, 0, claims);

    /// <summary>
    /// Writes an 835 paying claims [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>):
    /// one interchange, one group, a transaction per <c>claimsPerTransaction</c> claims, traces
    /// <paramref name="traceprefix"/> followed by the transaction's number in the file.
    /// </summary>
    public void WriteEra(TextWriter writer, string traceprefix, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, claims);
        var transactions = Transactions(first, count).ToArray();
        writer.Write("ISA*00*          *00*          *ZZ*87726          *ZZ*ARCLUSTER      *261101*1200*^*00501*000000001*0*P*:~\n");
        writer.Write("GS*HP*87726*ARCLUSTER*20261101*1200*1*X*005010X221A1~\n");
        for (var t = 0; t < transactions.Length; t++)
        {
            var segments = new List<string>();
            var (start, size) = transactions[t];
            segments.Add($"ST*835*{t + 1:D4}");
            segments.Add($"BPR*I*{Amount(TotalPaymentOf(start, size))}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*{PaymentDate:yyyyMMdd}");
            segments.Add($"TRN*1*{traceprefix}{t + 1:D6}*1512345678");
            segments.Add($"DTM*405*{PaymentDate:yyyyMMdd}");
            segments.Add("N1*PR*UNITEDHEALTHCARE");
            segments.Add($"REF*2U*{payerId}");
            segments.Add($"N1*PE*RIVERSIDE FAMILY MEDICINE*XX*{SamplePractices.NpiFor(practiceId)}");
            segments.Add("LX*1");
            for (var n = start; n < start + size; n++)
            {
                var lines = Lines(n);
                segments.Add($"CLP*{ClaimId(n)}*1*{Amount(ChargeOf(n))}*{Amount(PaidOf(n))}*{Amount(AllowedOf(n) - PaidOf(n))}*12*PCN{n:D9}");
                segments.Add($"NM1*QC*1*DOE*JANE****MI*M{n:D9}");
                foreach (var line in lines)
                {
                    segments.Add($"SVC*HC:{line.Code}*{Amount(line.Charge)}*{Amount(Paid(line.Charge))}**1");
                    segments.Add($"DTM*472*{line.Date:yyyyMMdd}");
                    segments.Add($"CAS*CO*45*{Amount(line.Charge - Allowed(line.Charge))}");
                    segments.Add($"CAS*PR*2*{Amount(Allowed(line.Charge) - Paid(line.Charge))}");
                    segments.Add($"REF*6R*{line.ControlNumber}");
                    segments.Add($"AMT*B6*{Amount(Allowed(line.Charge))}");
                }
            }

            segments.Add($"SE*{segments.Count + 1}*{t + 1:D4}");
            foreach (var segment in segments)
            {
                writer.Write(segment);
                writer.Write("~\n");
            }
        }

        writer.Write($"GE*{transactions.Length}*1~\n");
        writer.Write("IEA*1*000000001~\n");
    }

    private static decimal Allowed(decimal charge) => decimal.Round(charge * 0.80m, 2);

    private static decimal Paid(decimal charge) => decimal.Round(Allowed(charge) * 0.80m, 2);

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static (string Code, decimal Charge, DateOnly Date, string ControlNumber)[] Lines(int n)
    {
        var count = 1 + (n % 3);
        var date = FirstDay.AddDays(n % 28);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var procedure = Procedures[(n + (i * 2)) % Procedures.Length];
            return (procedure.Code, procedure.Charge, date, $"{ClaimId(n)}-{i + 1}");
        })];
    }
}
