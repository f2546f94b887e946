namespace ArCluster.BankFiles;

/// <summary>
/// One problem found in a deposit file, with where it is. <see cref="ToString"/> gives the full
/// sentence, e.g. <c>line 7 (16 record): amount '12a4' is not a whole number of cents</c>.
/// </summary>
/// <param name="Line">The 1-based line at fault (for a field continued onto an 88 record, the 88's line).</param>
/// <param name="Record">What sits on that line: "16 record", "49 record" (BAI2); "header", "row" (CSV); "file".</param>
/// <param name="Message">What is wrong and, where it helps, what to do about it.</param>
public sealed record DepositFileError(int Line, string Record, string Message)
{
    /// <summary>The field or CSV column at fault ("amount", "reference"), when one is.</summary>
    public string? Field { get; init; }

    public override string ToString() => $"line {Line} ({Record}): {Message}";
}
