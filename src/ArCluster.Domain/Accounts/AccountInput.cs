namespace ArCluster.Domain.Accounts;

public sealed record AccountInput(string? PracticeId, string? AccountId, PersonInput? Patient, PersonInput? Guarantor);

public sealed record PersonInput(string? FirstName, string? LastName, DateOnly? DateOfBirth);
