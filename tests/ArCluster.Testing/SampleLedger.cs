using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;

namespace ArCluster.Testing;

/// <summary>Valid accounts and claims for tests, billed to the payers of <see cref="SamplePractices.Family"/>.</summary>
public static class SampleLedger
{
    public const string Medicare = "00431";
    public const string Medicaid = "SKCA0";
    public const string Commercial = "87726";

    public static NewAccount Account(string practiceId, string accountId) =>
        new(practiceId, accountId, new PersonInfo("Ada", "Lovelace", new DateOnly(1961, 12, 10)), null);

    /// <summary>An office visit (99213, 120.00) and a flu shot (90686, 30.00 + 20.00 administration) on one day.</summary>
    public static NewClaim OfficeVisit(
        string practiceId,
        string claimId,
        string accountId,
        DateOnly serviceDate,
        string? primaryPayer = Commercial,
        string? secondaryPayer = null) =>
        new(
            practiceId,
            claimId,
            accountId,
            primaryPayer is null ? null : new CoverageInfo(primaryPayer, "W123456789"),
            secondaryPayer is null ? null : new CoverageInfo(secondaryPayer, "MC99887766"),
            "1234567893",
            "1245319599",
            ["J10.1", "Z23"],
            [
                new NewServiceLine("99213", ["25"], 1, 120.00m, serviceDate, "11", [1], $"{claimId}-1"),
                new NewServiceLine("90686", [], 1, 30.00m, serviceDate, "11", [2], $"{claimId}-2"),
                new NewServiceLine("G0008", [], 1, 20.00m, serviceDate, "11", [2], $"{claimId}-3"),
            ]);
}
