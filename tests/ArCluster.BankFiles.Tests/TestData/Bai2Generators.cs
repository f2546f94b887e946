using FsCheck;
using FsCheck.Fluent;

namespace ArCluster.BankFiles.Tests.TestData;

public enum DetailKind
{
    AchWithTrn,
    AchWithoutTrn,
    Check,
    Wire,
    OtherCredit,
    Debit,
    NonMonetary,
}

/// <summary>A 16 record to write, and how to lay it out over physical records.</summary>
public sealed record GeneratedDetail(
    DetailKind Kind,
    int TypeCode,
    long Cents,
    string Funds,
    DateOnly? ValueDate,
    string BankReference,
    string CustomerReference,
    string Text,
    string? Trace,
    string? PayerId,
    bool BreakBeforeReferences,
    int[] WrapPoints,
    bool TrailingSlash);

public sealed record GeneratedAccount(string Number, long[] Balances, bool ContinueBalances, GeneratedDetail[] Details);

public sealed record GeneratedGroup(DateOnly AsOf, bool GroupCurrency, GeneratedAccount[] Accounts);

public sealed record GeneratedFile(GeneratedGroup[] Groups, string NewLine, bool BlankLines);

/// <summary>
/// Random but well-formed BAI2 content: 1–3 groups of 0–3 accounts of 0–6 details — EFTs with the TRN
/// anywhere in text wrapped over 88s at random points, checks, wires, other credits, debits, notices —
/// every funds type, signed balances continued on 88s, blank lines and CR LF.
/// </summary>
public static class Bai2Generators
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    private static readonly string[] Words = ["HCCLAIMPMT", "UNITEDHEALTHCARE", "CCD", "PAYMENT", "03/14", "REF,12", "AETNA", " ", "ORIG ID:1411289245", "NO.68751"];

    public static Gen<GeneratedFile> File { get; } =
        from groupCount in Gen.Choose(1, 3)
        from groups in Gen.ArrayOf(Group, groupCount)
        from newLine in Gen.Elements("\n", "\r\n")
        from blankLines in Gen.Elements(false, false, true)
        select new GeneratedFile(groups, newLine, blankLines);

    private static Gen<GeneratedGroup> Group =>
        from asOf in Gen.Choose(0, 365 * 10).Select(days => new DateOnly(2020, 1, 1).AddDays(days))
        from currency in Gen.Elements(true, false)
        from accountCount in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)))
        from accounts in Gen.ArrayOf(Account(asOf), accountCount)
        select new GeneratedGroup(asOf, currency, accounts);

    private static Gen<GeneratedAccount> Account(DateOnly asOf) =>
        from number in Token(Digits, 4, 17)
        from balanceCount in Gen.Choose(0, 5)
        from balances in Gen.ArrayOf(Gen.Choose(-100_000_000, 100_000_000).Select(b => (long)b), balanceCount)
        from continued in Gen.Elements(true, false)
        from detailCount in Gen.Choose(0, 6)
        from details in Gen.ArrayOf(Detail(asOf), detailCount)
        select new GeneratedAccount(number, balances, continued, details);

    private static Gen<GeneratedDetail> Detail(DateOnly asOf) =>
        from kind in Gen.Frequency(
            (5, Gen.Constant(DetailKind.AchWithTrn)),
            (1, Gen.Constant(DetailKind.AchWithoutTrn)),
            (2, Gen.Constant(DetailKind.Check)),
            (1, Gen.Constant(DetailKind.Wire)),
            (1, Gen.Constant(DetailKind.OtherCredit)),
            (2, Gen.Constant(DetailKind.Debit)),
            (1, Gen.Constant(DetailKind.NonMonetary)))
        from typeCode in TypeCode(kind)
        from cents in Gen.Choose(1, 99_999_999).Select(c => (long)c)
        from funds in kind == DetailKind.NonMonetary ? Gen.Constant(("", (DateOnly?)null)) : Funds(asOf)
        from bankReference in Gen.Frequency((1, Gen.Constant("")), (3, Token(Upper + Digits + "-", 1, 16)))
        from customerReference in Gen.Frequency((1, Gen.Constant("")), (2, Token(Digits, 1, 10)))
        from before in Text
        from after in Text
        from trace in Token(Upper + Digits, 1, 30)
        from payer in Token(Digits, 9, 9).Select(ein => "1" + ein)
        from terminated in Gen.Elements(true, true, false)
        from breakBefore in Gen.Elements(false, false, true)
        from wrapCount in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 4)))
        from wraps in Gen.ArrayOf(Gen.Choose(0, 120), wrapCount)
        from trailingSlash in Gen.Elements(true, false)
        let hasTrn = kind == DetailKind.AchWithTrn
        let text = hasTrn ? $"{before} TRN*1*{trace}*{payer}" + (terminated ? "\\" + after : "") : before
        // A credit with neither reference nor TRN is refused; keep generated credits matchable.
        let custRef = !hasTrn && kind != DetailKind.NonMonetary && bankReference.Length == 0 && customerReference.Length == 0 ? "7" + trace.Length : customerReference
        select new GeneratedDetail(
            kind,
            typeCode,
            kind == DetailKind.NonMonetary ? 0 : cents,
            funds.Item1,
            funds.Item2,
            kind == DetailKind.NonMonetary ? "" : bankReference,
            kind == DetailKind.NonMonetary ? "" : custRef,
            text,
            hasTrn ? trace : null,
            hasTrn ? payer : null,
            breakBefore,
            wraps,
            trailingSlash);

    private static Gen<string> Text =>
        from count in Gen.Choose(0, 4)
        from words in Gen.ArrayOf(Gen.Elements(Words), count)
        select string.Join(" ", words);

    private static Gen<int> TypeCode(DetailKind kind) => kind switch
    {
        DetailKind.AchWithTrn or DetailKind.AchWithoutTrn => Gen.Elements(142, 143, 145, 155, 156, 164, 165, 166, 169),
        DetailKind.Check => Gen.Elements(115, 116, 175, 301),
        DetailKind.Wire => Gen.Elements(195, 196, 206, 208),
        DetailKind.OtherCredit => Gen.Elements(108, 187, 275, 354, 399),
        DetailKind.Debit => Gen.Elements(451, 455, 475, 495, 501, 555, 698),
        _ => Gen.Constant(890),
    };

    private static Gen<(string, DateOnly?)> Funds(DateOnly asOf) => Gen.OneOf(
        Gen.Elements("", "0", "1", "2", "Z").Select(f => (f, (DateOnly?)null)),
        from a in Gen.Choose(0, 99_999)
        from b in Gen.Choose(0, 99_999)
        from c in Gen.Choose(0, 99_999)
        select ($"S,{a},{b},{c}", (DateOnly?)null),
        from days in Gen.Choose(0, 5)
        from time in Gen.Elements("", "0800", "2400", "9999")
        let value = asOf.AddDays(days)
        select ($"V,{value.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture)},{time}", (DateOnly?)value),
        from count in Gen.Choose(0, 3)
        from pairs in Gen.ArrayOf(Gen.Choose(0, 9).Select(d => $"{d},{d * 1000}"), count)
        select (string.Join(",", ["D", count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. pairs]), (DateOnly?)null));

    private static Gen<string> Token(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);
}
