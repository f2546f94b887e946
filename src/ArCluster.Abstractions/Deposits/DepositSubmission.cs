namespace ArCluster.Abstractions.Deposits;

/// <summary>
/// One bank deposit as a bank file (BAI2 or CSV) or a person reports it. The practice is named, or
/// found from the bank account the practice registered.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.DepositSubmission")]
public sealed record DepositSubmission(
    [property: Id(0)] string? PracticeId,
    [property: Id(1)] string? BankAccount,
    [property: Id(2)] DateOnly DepositDate,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] string Method,
    [property: Id(5)] string Reference,
    [property: Id(6)] string? PayerId,
    [property: Id(7)] string? BankReference,
    [property: Id(8)] string SourceFile,
    [property: Id(9)] int Line);
