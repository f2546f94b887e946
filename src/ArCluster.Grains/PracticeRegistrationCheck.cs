using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Remittances;

namespace ArCluster.Grains;

/// <summary>
/// A practice id with a typo must not read as a practice with nothing in it: a per-practice grain
/// asks the practice directory once per activation, and refuses an unknown practice.
/// </summary>
internal sealed class PracticeRegistrationCheck
{
    private bool _registered;

    public async Task EnsureAsync(IGrainFactory grains, string practiceId)
    {
        if (!_registered)
        {
            _registered = (await grains.GetGrain<IPracticeDirectoryGrain>("all").Practices()).Contains(practiceId, StringComparer.Ordinal);
            if (!_registered)
            {
                throw new NotFoundException("Practice", practiceId);
            }
        }
    }
}
