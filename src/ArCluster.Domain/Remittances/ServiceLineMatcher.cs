using System.Collections.Immutable;
using ArCluster.Domain.Claims;

namespace ArCluster.Domain.Remittances;

/// <summary>
/// Finds the claim line each 835 service pays. The line item control number (REF*6R) is the
/// reliable key; without it, code and date of service, tolerating payers that drop or reorder
/// modifiers and that report a changed code with the billed one in SVC06.
/// </summary>
public static class ServiceLineMatcher
{
    /// <summary>For each service in order, the claim line it pays, or null when no line fits.</summary>
    public static IReadOnlyList<int?> Match(ImmutableArray<ServiceLine> lines, IReadOnlyList<RemittanceService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var used = new HashSet<int>();
        var matches = new int?[services.Count];
        var passes = new Func<ServiceLine, RemittanceService, bool>[]
        {
            (line, service) => service.LineControlNumber is { } control && line.LineControlNumber == control,
            (line, service) => SameCode(line, service) && SameDay(line, service) && line.Modifiers.SequenceEqual(service.Modifiers),
            (line, service) => SameCode(line, service) && SameDay(line, service) && service.Modifiers.All(line.Modifiers.Contains),
            (line, service) => SameCode(line, service) && SameDay(line, service),
        };

        foreach (var fits in passes)
        {
            for (var s = 0; s < services.Count; s++)
            {
                if (matches[s] is null && lines.FirstOrDefault(l => !used.Contains(l.LineNumber) && fits(l, services[s])) is { } line)
                {
                    matches[s] = line.LineNumber;
                    used.Add(line.LineNumber);
                }
            }
        }

        // A payer may split one billed line into several services; they pay the same line.
        for (var s = 0; s < services.Count; s++)
        {
            if (matches[s] is null && lines.FirstOrDefault(l => SameCode(l, services[s]) && SameDay(l, services[s])) is { } line)
            {
                matches[s] = line.LineNumber;
            }
        }

        return matches;
    }

    private static bool SameCode(ServiceLine line, RemittanceService service) =>
        line.Code == service.Code || line.Code == service.OriginalCode;

    private static bool SameDay(ServiceLine line, RemittanceService service) =>
        service.ServiceDate is not { } date || date == line.ServiceDate;
}
