namespace ArCluster.Abstractions.Accounts;

/// <summary>A patient account; without a guarantor the patient is their own guarantor.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.NewAccount")]
public sealed record NewAccount(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] PersonInfo Patient,
    [property: Id(3)] PersonInfo? Guarantor);

/// <summary>A patient or guarantor. Protected health information.</summary>
[GenerateSerializer, Immutable, Alias("arcluster.PersonInfo")]
public sealed record PersonInfo(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] DateOnly? DateOfBirth)
{
    public override string ToString() => "PersonInfo { redacted }";
}
