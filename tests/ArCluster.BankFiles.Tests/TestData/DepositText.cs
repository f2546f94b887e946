using System.Text;

namespace ArCluster.BankFiles.Tests.TestData;

/// <summary>Reading deposit files from strings and the samples in TestData, and unwrapping the verdict.</summary>
public static class DepositText
{
    public const string SampleBai2 = "riverside-2025-03-17.bai";
    public const string SampleCsv = "deposits-2025-03-17.csv";

    public static DepositFileResult Read(string text, string path = "test-file") =>
        DepositFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), path);

    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string[] SampleLines(string name) => File.ReadAllLines(SamplePath(name));

    public static AcceptedDepositFile Accepted(DepositFileResult result) => result switch
    {
        AcceptedDepositFile accepted => accepted,
        RejectedDepositFile rejected => throw new Xunit.Sdk.XunitException($"the file was rejected:\n{rejected.Describe()}"),
        _ => throw new Xunit.Sdk.XunitException($"unexpected result {result}"),
    };

    public static RejectedDepositFile Rejected(DepositFileResult result) => result switch
    {
        RejectedDepositFile rejected => rejected,
        AcceptedDepositFile accepted => throw new Xunit.Sdk.XunitException($"the file was accepted with {accepted.Deposits.Length} deposits"),
        _ => throw new Xunit.Sdk.XunitException($"unexpected result {result}"),
    };

    /// <summary>The reasons a text was rejected, one per line, as an operator would read them.</summary>
    public static string Errors(string text) => Rejected(Read(text)).Describe().ReplaceLineEndings("\n");

    /// <summary>The sample BAI2 file with 1-based line <paramref name="line"/> replaced (or removed, when null).</summary>
    public static string SampleBai2With(int line, string? replacement)
    {
        var lines = SampleLines(SampleBai2).ToList();
        if (replacement is null)
        {
            lines.RemoveAt(line - 1);
        }
        else
        {
            lines[line - 1] = replacement;
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>
    /// A BAI2 file with one group (as of 2025-03-17) and one account (1234567890) holding
    /// <paramref name="details"/> (16 and 88 records, from line 4), with trailers that add up.
    /// </summary>
    public static string OneAccount(params string[] details)
    {
        long total = 0;
        foreach (var detail in details.Where(d => d.StartsWith("16,", StringComparison.Ordinal)))
        {
            var fields = detail.Split(',');
            if (fields.Length > 2 && long.TryParse(fields[2], out var cents))
            {
                total += cents;
            }
        }

        string[] lines =
        [
            "01,SENDERBANK,RIVERSIDEMED,250317,0600,1,,,2/",
            "02,RIVERSIDEMED,SENDERBANK,1,250317,0600,,2/",
            "03,1234567890,USD,,,,/",
            .. details,
            $"49,{total},{details.Length + 2}/",
            $"98,{total},1,{details.Length + 4}/",
            $"99,{total},1,{details.Length + 6}/",
        ];
        return string.Join("\n", lines) + "\n";
    }
}
