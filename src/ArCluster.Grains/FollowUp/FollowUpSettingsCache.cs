using System.Collections.Concurrent;
using ArCluster.Abstractions.Practices;
using ArCluster.Domain.FollowUp;

namespace ArCluster.Grains.FollowUp;

/// <summary>
/// One <see cref="FollowUpSettings"/> per practice and settings version in each silo, shared by all
/// of that practice's claim grains: a hundred thousand active claims hold a reference each, not a
/// copy of the practice's payer table. Whenever any claim of the practice wakes it reads the practice
/// afresh, so a settings change reaches this silo within a day of claims waking.
/// </summary>
public sealed class FollowUpSettingsCache
{
    private readonly ConcurrentDictionary<string, (int Version, FollowUpSettings Settings)> _byPractice = new(StringComparer.Ordinal);

    /// <summary>The settings this silo last read for the practice, if any: postings use them; a claim's reminder reads afresh.</summary>
    public FollowUpSettings? Latest(string practiceId) => _byPractice.TryGetValue(practiceId, out var known) ? known.Settings : null;

    public FollowUpSettings For(PracticeView practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        if (_byPractice.TryGetValue(practice.PracticeId, out var known) && known.Version == practice.Version)
        {
            return known.Settings;
        }

        var settings = practice.ToFollowUpSettings();
        _byPractice[practice.PracticeId] = (practice.Version, settings);
        return settings;
    }
}
