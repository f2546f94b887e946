namespace ArCluster.Domain.Validation;

/// <summary>One broken rule: which field (as a path such as <c>payers[1].payerId</c>) and why.</summary>
public sealed record RuleViolation(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
