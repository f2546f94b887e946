using System.Text;
using ArCluster.X12.Remittance;

namespace ArCluster.X12.Tests.TestData;

/// <summary>Small helpers to read X12 written inline in tests.</summary>
public static class X12Text
{
    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    public static List<RemittanceResult> Read(string text) => [.. RemittanceFile.Read(Stream(text))];

    public static List<RemittanceResult> ReadFile(string relative)
    {
        using var stream = Samples.Open(relative);
        return [.. RemittanceFile.Read(stream)];
    }

    public static RemittanceAdvice Accepted(RemittanceResult result)
    {
        var accepted = Assert.IsType<AcceptedRemittance>(result, exactMatch: false);
        return accepted.Advice;
    }

    public static RejectedRemittance Rejected(RemittanceResult result)
    {
        if (result is AcceptedRemittance)
        {
            Assert.Fail("expected the transaction set to be rejected, but it was accepted");
        }

        return Assert.IsType<RejectedRemittance>(result);
    }

    /// <summary>A whole interchange around <paramref name="body"/> (segments between ST and SE, '~'-terminated lines), with correct counts.</summary>
    public static string Interchange(params string[] transactionBodies)
    {
        var text = new StringBuilder();
        text.Append("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000101*0*P*:~\n");
        text.Append("GS*HP*SENDER*RECEIVER*20240101*1200*7*X*005010X221A1~\n");
        var number = 0;
        foreach (var body in transactionBodies)
        {
            number++;
            var control = $"{number:0000}";
            var segments = body.Split('~', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            text.Append($"ST*835*{control}*005010X221A1~\n");
            foreach (var segment in segments)
            {
                text.Append(segment).Append("~\n");
            }

            text.Append($"SE*{segments.Length + 2}*{control}~\n");
        }

        text.Append($"GE*{transactionBodies.Length}*7~\n");
        text.Append("IEA*1*000000101~\n");
        return text.ToString();
    }

    /// <summary>The managed-care sample's body (two balanced claims, BPR02 945.00), for tests that change one figure.</summary>
    public const string ManagedCareBody = """
        BPR*I*945.00*C*ACH*CCP*01*888999777*DA*24681012*1935665544**01*111333555*DA*144444*20020316~
        TRN*1*7170066655*1935665544~
        DTM*405*20020314~
        N1*PR*RUSHMORE LIFE~
        N3*10 SOUTH AVENUE~
        N4*RAPID CITY*SD*55111~
        N1*PE*ACME MEDICAL CENTER*XX*5544667733~
        REF*TJ*777667755~
        LX*1~
        CLP*5554555444*1*800.00*450.00*300.00*12*94060555410000~
        CAS*CO*A2*50.00~
        NM1*QC*1*BUDD*WILLIAM****MI*33344555510~
        SVC*HC:99211*800.00*500.00~
        DTM*150*20020301~
        DTM*151*20020304~
        CAS*PR*1*300.00~
        CLP*8765432112*1*1200.00*495.00*600.00*12*94077799230000~
        CAS*CO*A2*55.00~
        NM1*QC*1*SETTLE*SUSAN****MI*44455666610~
        SVC*HC:93555*1200.00*550.00~
        DTM*150*20020310~
        DTM*151*20020312~
        CAS*PR*1*600.00~
        CAS*CO*45*50.00~
        """;
}
