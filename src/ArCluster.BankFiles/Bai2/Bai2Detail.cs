using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles.Bai2;

/// <summary>
/// A 16 (transaction detail) record: type code, amount, funds type and its detail fields, bank reference
/// number, customer reference number, and text to the end of the record (continued by 88s).
/// </summary>
internal sealed record Bai2Detail(
    int Line,
    int? TypeCode,
    long Cents,
    bool AmountReadable,
    bool AmountPresent,
    DateOnly? ValueDate,
    string? BankReference,
    string? CustomerReference,
    Bai2Field AmountField,
    IReadOnlyList<Bai2Field> Text)
{
    public const string Record = "16 record";

    public static Bai2Detail Parse(Bai2Record record, ErrorList errors)
    {
        var split = record.Split(TextStart);
        var typeField = split[0];
        int? typeCode = null;
        if (Bai2Values.TryParseTypeCode(typeField.Value, out var code))
        {
            typeCode = code;
        }
        else
        {
            errors.Add(typeField.Line, Record, typeField.IsEmpty ? "type code is missing" : $"type code '{typeField.Value}' is not a three-digit BAI type code", "type code");
        }

        var amountField = split[1];
        long cents = 0;
        var readable = true;
        if (!amountField.IsEmpty && Bai2Values.ParseAmount(amountField.Value, out cents) is { } problem)
        {
            errors.Add(amountField.Line, Record, $"amount {problem}", "amount");
            readable = false;
        }

        var valueDate = Bai2FundsType.Check(split, 2, Record, errors);
        var references = 3 + (Bai2FundsType.DetailFieldCount(split.Fields, 2) ?? 0);
        return new Bai2Detail(
            record.Line,
            typeCode,
            cents,
            readable,
            !amountField.IsEmpty,
            valueDate,
            OrNull(split[references].Value),
            OrNull(split[references + 1].Value),
            amountField,
            split.Text);
    }

    // Type code, amount, funds type, the funds type's own fields, bank reference, customer reference: then text.
    private static int? TextStart(IReadOnlyList<Bai2Field> fields) =>
        Bai2FundsType.DetailFieldCount(fields, 2) is { } detail ? 3 + detail + 2 : null;

    private static string? OrNull(string value) => value.Length == 0 ? null : value;
}
