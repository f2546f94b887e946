using ArCluster.Domain.Identifiers;

namespace ArCluster.Domain.Accounts;

/// <summary>A patient account: the patient and the guarantor who is billed for the patient's share.</summary>
public sealed record AccountDetails(PracticeId PracticeId, AccountId AccountId, Person Patient, Person Guarantor);
