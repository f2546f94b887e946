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

    /// <summary>The practice, or a <see cref="Errors.NotFoundException"/> if it was never registered.</summary>
    [Alias("Read")]
    Task<PracticeView> Read();
}
