using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Simulation.Catalog;

namespace ArCluster.Simulation.Patients;

/// <summary>A patient account with its coverage and, under a commercial plan, the plan's cost sharing.</summary>
internal sealed record Patient(
    int Index,
    string AccountId,
    PersonInfo Person,
    PersonInfo? Guarantor,
    CoverageKind Coverage,
    PayerProfile? PrimaryPayer,
    string? PrimaryMemberId,
    PayerProfile? SecondaryPayer,
    string? SecondaryMemberId,
    decimal Copay,
    decimal Coinsurance)
{
    public CoverageInfo? Primary => PrimaryPayer is null ? null : new CoverageInfo(PrimaryPayer.PayerId, PrimaryMemberId!);

    public CoverageInfo? Secondary => SecondaryPayer is null ? null : new CoverageInfo(SecondaryPayer.PayerId, SecondaryMemberId!);

    public DateOnly DateOfBirth => Person.DateOfBirth!.Value;

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > day ? age - 1 : age;
    }

    public NewAccount ToAccount(string practiceId) => new(practiceId, AccountId, Person, Guarantor);
}
