namespace ArCluster.BankFiles.Bai2;

/// <summary>One field of a BAI2 record and the physical line it sits on (an 88's line when the field was continued).</summary>
internal readonly record struct Bai2Field(string Value, int Line)
{
    public static Bai2Field Missing(int line) => new("", line);

    public bool IsEmpty => Value.Length == 0;
}
