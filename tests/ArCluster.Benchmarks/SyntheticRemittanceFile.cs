using System.Globalization;
using System.Text;

namespace ArCluster.Benchmarks;

/// <summary>
/// A large, balanced 835 made up deterministically: one interchange and functional group (as a big
/// payer sends them), many transaction sets of 1–12 claims, each claim 1–4 service lines with CO-45
/// and PR deductible/coinsurance CAS, REF*6R, AMT*B6, some denials (CO-97), some LQ remarks, and
/// PLB recoupments and interest on some checks. Written once to the temp folder and reused.
/// </summary>
internal static class SyntheticRemittanceFile
{
    private const int Version = 1;

    private static readonly (string Code, int ChargeCents)[] Procedures =
        [("99213", 12000), ("99214", 18500), ("99203", 16000), ("36415", 1500), ("85025", 2800), ("80053", 4200), ("93000", 6000), ("71046", 9500), ("97110", 7500)];

    private static readonly string[] Modifiers = ["", "", "", "25", "59", "26", "TC"];

    /// <summary>The path of a file of at least <paramref name="megabytes"/> MB, generated if it is not there yet.</summary>
    public static (string Path, bool Generated) Ensure(int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"arcluster-bench-835-{megabytes}mb-v{Version}.835");
        if (File.Exists(path) && new FileInfo(path).Length >= megabytes * 1_000_000L && EndsWithTrailer(path))
        {
            return (path, false);
        }

        var partial = path + ".partial";
        Write(partial, megabytes * 1_000_000L);
        File.Move(partial, path, overwrite: true);
        return (path, true);
    }

    private static bool EndsWithTrailer(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-32, SeekOrigin.End);
        var tail = new byte[32];
        stream.ReadExactly(tail);
        return Encoding.ASCII.GetString(tail).Contains("IEA*1*", StringComparison.Ordinal);
    }

    private static void Write(string path, long targetBytes)
    {
        var random = new Random(835_2024);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        writer.Write("ISA*00*          *00*          *ZZ*BIGPAYER       *ZZ*ARCLUSTER      *260101*0800*^*00501*000000001*0*P*:~\n");
        writer.Write("GS*HP*BIGPAYER*ARCLUSTER*20260101*0800*1*X*005010X221A1~\n");
        var transactions = 0;
        var segments = new StringBuilder(64 * 1024);
        while (stream.Position < targetBytes)
        {
            transactions++;
            segments.Clear();
            var count = Transaction(segments, random, transactions);
            writer.Write(segments);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"SE*{count + 1}*{transactions:D6}~\n"));
            writer.Flush();
        }

        writer.Write(string.Create(CultureInfo.InvariantCulture, $"GE*{transactions}*1~\nIEA*1*000000001~\n"));
    }

    /// <summary>Appends ST..(before SE); returns the number of segments written.</summary>
    private static int Transaction(StringBuilder text, Random random, int number)
    {
        var inv = CultureInfo.InvariantCulture;
        var body = new StringBuilder(32 * 1024);
        var segments = 0;
        void Segment(string segment)
        {
            body.Append(segment).Append("~\n");
            segments++;
        }

        var day = new DateOnly(2026, 1, 2).AddDays(number % 300);
        var date = day.ToString("yyyyMMdd", inv);
        var claims = random.Next(1, 13);
        long claimPayments = 0;
        for (var c = 0; c < claims; c++)
        {
            claimPayments += Claim(Segment, random, number, c, day);
        }

        long plb = 0;
        var plbSegment = "";
        if (random.Next(10) == 0)
        {
            var recoup = random.Next(1_000, 20_000);
            var interest = random.Next(1, 500);
            plb = recoup - interest;
            plbSegment = string.Create(inv, $"PLB*1234567893*{day.Year}1231*WO:ICN{number:D8}*{Money(recoup)}*L6*{Money(-interest)}");
        }

        var net = claimPayments - plb;
        text.Append(inv, $"ST*835*{number:D6}*005010X221A1~\n");
        text.Append(inv, $"BPR*I*{Money(Math.Abs(net))}*{(net < 0 ? 'D' : 'C')}*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*{date}~\n");
        text.Append(inv, $"TRN*1*EFT{number:D10}*1512345678~\n");
        text.Append(inv, $"DTM*405*{date}~\n");
        text.Append("N1*PR*BIG NATIONAL HEALTH PLAN~\nN3*PO BOX 1000~\nN4*HARTFORD*CT*06101~\nREF*2U*BNHP01~\nPER*BL*PROVIDER SERVICES*TE*8005551212~\n");
        text.Append(inv, $"N1*PE*FAMILY PRACTICE {number % 40:D2}*XX*1234567893~\nREF*TJ*123456789~\nLX*1~\n");
        text.Append(body);
        segments += 12;
        if (plbSegment.Length > 0)
        {
            text.Append(plbSegment).Append("~\n");
            segments++;
        }

        return segments;
    }

    /// <summary>One claim (loop 2100) with 1–4 lines; returns CLP04 in cents.</summary>
    private static long Claim(Action<string> segment, Random random, int transaction, int index, DateOnly day)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = random.Next(1, 5);
        var denied = random.Next(25) == 0;
        var serviceDate = day.AddDays(-random.Next(10, 60)).ToString("yyyyMMdd", inv);
        var lineText = new List<string>(lines * 7);
        long charge = 0, paid = 0, patient = 0;
        for (var l = 1; l <= lines; l++)
        {
            var (code, lineCharge) = Procedures[random.Next(Procedures.Length)];
            var units = random.Next(8) == 0 ? 2 : 1;
            lineCharge *= units;
            var modifier = Modifiers[random.Next(Modifiers.Length)];
            var composite = modifier.Length == 0 ? $"HC:{code}" : $"HC:{code}:{modifier}";
            var lineControl = string.Create(inv, $"{transaction:D6}{index:D2}L{l}");
            charge += lineCharge;
            if (denied)
            {
                lineText.Add(string.Create(inv, $"SVC*{composite}*{Money(lineCharge)}*0.00**{units}"));
                lineText.Add($"DTM*472*{serviceDate}");
                lineText.Add(string.Create(inv, $"CAS*CO*97*{Money(lineCharge)}"));
                lineText.Add($"REF*6R*{lineControl}");
                lineText.Add("LQ*HE*N130");
                continue;
            }

            var allowed = lineCharge * random.Next(55, 95) / 100;
            var deductible = random.Next(6) == 0 ? Math.Min(allowed, random.Next(1_000, 5_000)) : 0;
            var coinsurance = (allowed - deductible) * 20 / 100;
            var linePaid = allowed - deductible - coinsurance;
            paid += linePaid;
            patient += deductible + coinsurance;
            lineText.Add(string.Create(inv, $"SVC*{composite}*{Money(lineCharge)}*{Money(linePaid)}**{units}"));
            lineText.Add($"DTM*472*{serviceDate}");
            lineText.Add(string.Create(inv, $"CAS*CO*45*{Money(lineCharge - allowed)}"));
            if (deductible > 0)
            {
                lineText.Add(string.Create(inv, $"CAS*PR*1*{Money(deductible)}**2*{Money(coinsurance)}"));
            }
            else if (coinsurance > 0)
            {
                lineText.Add(string.Create(inv, $"CAS*PR*2*{Money(coinsurance)}"));
            }

            lineText.Add($"REF*6R*{lineControl}");
            lineText.Add(string.Create(inv, $"AMT*B6*{Money(allowed)}"));
            if (random.Next(10) == 0)
            {
                lineText.Add("LQ*HE*M15");
            }
        }

        var pcn = string.Create(inv, $"PCN{transaction:D7}{index:D2}");
        segment(string.Create(inv, $"CLP*{pcn}*{(denied ? 4 : 1)}*{Money(charge)}*{Money(paid)}*{Money(patient)}*12*{transaction:D8}{index:D3}0*11*1"));
        segment(string.Create(inv, $"NM1*QC*1*DOE*JANE****MI*W{transaction:D7}{index:D2}"));
        segment("NM1*82*1*SMITH*JOHN****XX*1234567893");
        segment($"DTM*232*{serviceDate}");
        segment($"DTM*233*{serviceDate}");
        foreach (var line in lineText)
        {
            segment(line);
        }

        return paid;
    }

    private static string Money(long cents)
    {
        var sign = cents < 0 ? "-" : "";
        var abs = Math.Abs(cents);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:D2}");
    }
}
