using System.Globalization;
using ArCluster.Testing;
using ArCluster.Abstractions.Claims;

namespace ArCluster.Benchmarks;

/// <summary>
/// Claims and the 835 that pays them, made up deterministically: a commercial payer allows 80% of
/// the charge and pays 80% of the allowed; the rest is CO-45 and PR-2 coinsurance. Lines carry
/// their line item control numbers, as real 837/835 round trips do.
/// </summary>
internal sealed class EraWorkload(string practiceId, string payerId, int claims, int claimsPerTransaction)
{
    private static readonly (string Code, decimal Charge)[] Procedures =
        [("99213", 120.00m), ("99214", 185.00m), ("36415", 15.00m), ("85025", 28.00m), ("80053", 42.00m), ("93000", 60.00m)];

    private static readonly DateOnly FirstDay = new(2026, 10, 1);

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

    /// <summary>Writes the 835: one interchange, one group, a transaction per <c>claimsPerTransaction</c> claims.</summary>
    public void WriteEra(TextWriter writer, string traceprefix)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var transactions = (claims + claimsPerTransaction - 1) / claimsPerTransaction;
        writer.Write("ISA*00*          *00*          *ZZ*87726          *ZZ*ARCLUSTER      *261101*1200*^*00501*000000001*0*P*:~\n");
        writer.Write("GS*HP*87726*ARCLUSTER*20261101*1200*1*X*005010X221A1~\n");
        for (var t = 0; t < transactions; t++)
        {
            var segments = new List<string>();
            var first = t * claimsPerTransaction;
            var last = Math.Min(claims, first + claimsPerTransaction);
            var total = Enumerable.Range(first, last - first).Sum(n => Lines(n).Sum(l => Paid(l.Charge)));
            segments.Add($"ST*835*{t + 1:D4}");
            segments.Add($"BPR*I*{Amount(total)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261101");
            segments.Add($"TRN*1*{traceprefix}{t + 1:D6}*1512345678");
            segments.Add("DTM*405*20261101");
            segments.Add("N1*PR*UNITEDHEALTHCARE");
            segments.Add($"REF*2U*{payerId}");
            segments.Add($"N1*PE*RIVERSIDE FAMILY MEDICINE*XX*{SamplePractices.NpiFor(practiceId)}");
            segments.Add("LX*1");
            for (var n = first; n < last; n++)
            {
                var lines = Lines(n);
                var charge = lines.Sum(l => l.Charge);
                var paid = lines.Sum(l => Paid(l.Charge));
                var patient = lines.Sum(l => Allowed(l.Charge) - Paid(l.Charge));
                segments.Add($"CLP*{ClaimId(n)}*1*{Amount(charge)}*{Amount(paid)}*{Amount(patient)}*12*PCN{n:D9}");
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

        writer.Write($"GE*{transactions}*1~\n");
        writer.Write("IEA*1*000000001~\n");
    }

    private static string ClaimId(int n) => $"E{n:D9}";

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
