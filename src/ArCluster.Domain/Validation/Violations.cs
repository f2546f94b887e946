namespace ArCluster.Domain.Validation;

/// <summary>Collects every broken rule of a command so the caller can fix them all in one go.</summary>
public sealed class Violations
{
    private readonly List<RuleViolation> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<RuleViolation> Items => _items;

    public void Add(string field, string message) => _items.Add(new RuleViolation(field, message));

    /// <summary>Parses one value, recording its error under <paramref name="field"/>.</summary>
    public T? Check<T>(string field, string? raw, TryParser<T> parse)
        where T : struct
    {
        if (parse(raw, out var value, out var error))
        {
            return value;
        }

        Add(field, error);
        return null;
    }

    public void ThrowIfAny(string subject)
    {
        if (Any)
        {
            throw new RuleViolationException(subject, _items.ToArray());
        }
    }
}

public delegate bool TryParser<T>(string? raw, out T value, out string error);
