namespace ArCluster.Domain.Validation;

/// <summary>Thrown when a command breaks one or more rules; nothing was changed.</summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string subject, IReadOnlyList<RuleViolation> violations)
        : base($"{subject} was rejected: {string.Join("; ", violations)}")
    {
        Subject = subject;
        Violations = violations;
    }

    public string Subject { get; }

    public IReadOnlyList<RuleViolation> Violations { get; }
}
