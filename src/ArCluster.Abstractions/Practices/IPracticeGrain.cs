using System.Collections.Immutable;

namespace ArCluster.Abstractions.Practices;

/// <summary>A client practice (tenant); keyed by its practice id.</summary>
[Alias("arcluster.IPracticeGrain")]
public interface IPracticeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the practice. Registering again with the same data returns the existing practice;
    /// different data is a conflict (use <see cref="Update"/>).
    /// </summary>
    [Alias("Register")]
    Task<PracticeView> Register(PracticeRegistration registration);

    /// <summary>Replaces the practice's profile if it is still at <paramref name="expectedVersion"/>.</summary>
    [Alias("Update")]
    Task<PracticeView> Update(PracticeRegistration registration, int expectedVersion);

    /// <summary>
    /// The practice, or a <see cref="Errors.NotFoundException"/> if it was never registered. Every
    /// claim of the practice reads it as it activates: reads run side by side, never during an update.
    /// </summary>
    [Alias("Read"), Orleans.Concurrency.ReadOnly]
    Task<PracticeView> Read();

    /// <summary>Sets (replaces) the fee schedule of one of the practice's payers.</summary>
    [Alias("SetFeeSchedule")]
    Task<FeeScheduleView> SetFeeSchedule(FeeScheduleRates schedule);

    /// <summary>A payer's fee schedule; empty if none was set.</summary>
    [Alias("GetFeeSchedule")]
    Task<FeeScheduleView> GetFeeSchedule(string payerId);

    /// <summary>The contract's allowed amount for a billed code and its modifiers, or null when the payer's schedule does not list it.</summary>
    [Alias("ExpectedAllowed")]
    Task<decimal?> ExpectedAllowed(string payerId, string code, ImmutableArray<string> modifiers);
}
