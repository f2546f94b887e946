using ArCluster.Abstractions.Errors;
using ArCluster.Domain.Validation;

namespace ArCluster.Grains;

/// <summary>Runs a domain decision and turns its broken rules into the wire's field errors.</summary>
internal static class DomainRules
{
    public static T Run<T>(Func<T> decide)
    {
        try
        {
            return decide();
        }
        catch (RuleViolationException e)
        {
            throw Translate(e);
        }
    }

    public static InvalidCommandException Translate(RuleViolationException e) =>
        new(e.Message, [.. e.Violations.Select(v => new FieldError(v.Field, v.Message))]);

    /// <summary>Throws every violation collected so far as one <see cref="InvalidCommandException"/>.</summary>
    public static void ThrowIfAny(this Violations violations, string subject)
    {
        try
        {
            violations.ThrowIfAny(subject);
        }
        catch (RuleViolationException e)
        {
            throw Translate(e);
        }
    }
}
