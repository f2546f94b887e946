using ArCluster.Abstractions.Practices;

namespace ArCluster.Client;

/// <summary>Registering and reading the billing company's client practices.</summary>
public sealed class PracticeOperations
{
    private readonly IClusterClient _orleans;

    internal PracticeOperations(IClusterClient orleans) => _orleans = orleans;

    /// <summary>Registers a practice; repeating the same registration is harmless and returns it.</summary>
    public Task<PracticeView> RegisterAsync(PracticeRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Practice(registration.PracticeId).Register(registration);
    }

    /// <summary>Replaces a practice's profile; <paramref name="expectedVersion"/> is the version you read.</summary>
    public Task<PracticeView> UpdateAsync(PracticeRegistration registration, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return Practice(registration.PracticeId).Update(registration, expectedVersion);
    }

    public Task<PracticeView> GetAsync(string practiceId) => Practice(practiceId).Read();

    /// <summary>Sets (replaces) a payer's fee schedule: the contracted allowed amount per code.</summary>
    public Task<FeeScheduleView> SetFeeScheduleAsync(string practiceId, FeeScheduleRates schedule) => Practice(practiceId).SetFeeSchedule(schedule);

    public Task<FeeScheduleView> GetFeeScheduleAsync(string practiceId, string payerId) => Practice(practiceId).GetFeeSchedule(payerId);

    /// <summary>The allowed amount the payer's contract sets for a code and modifiers, or null when it lists none.</summary>
    public Task<decimal?> ExpectedAllowedAsync(string practiceId, string payerId, string code, params string[] modifiers) =>
        Practice(practiceId).ExpectedAllowed(payerId, code, [.. modifiers]);

    private IPracticeGrain Practice(string practiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceId);
        return _orleans.GetGrain<IPracticeGrain>(practiceId);
    }
}
