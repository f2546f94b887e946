using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Simulation.Adjudication;
using ArCluster.Simulation.Engine;
using ArCluster.Simulation.Output;
using ArCluster.Simulation.Patients;
using ArCluster.Simulation.Practices;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation;

/// <summary>
/// A billing company's workload, deterministic by seed: practices with their payers and contracts,
/// patient accounts, claims, the 835s that pay them, the bank deposits that carry the money, and
/// what a correct system must end with. Everything is derived from (seed, practice, index), so any
/// account or claim can be rebuilt alone and a run streams in bounded memory whatever its size.
/// Thread-safe: nothing changes after construction.
/// </summary>
public sealed class Simulation
{
    private readonly PracticeModel[] _practices;

    public Simulation(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The simulation options are not valid: {string.Join("; ", problems)}.", nameof(options));
        }

        Options = options;
        _practices = PracticeFactory.Create(options);
        Practices = [.. _practices.Select(p => p.Practice)];
    }

    public SimulationOptions Options { get; }

    public IReadOnlyList<SimulatedPractice> Practices { get; }

    /// <summary>Claims over all practices.</summary>
    public long ClaimCount => _practices.Sum(p => (long)p.Practice.Claims);

    /// <summary>The practice's patient accounts, generated as they are read.</summary>
    public IEnumerable<NewAccount> Accounts(SimulatedPractice practice)
    {
        var model = Model(practice);
        for (var i = 0; i < practice.Accounts; i++)
        {
            yield return PatientFactory.Create(Options.Seed, model, i, Options.Start).ToAccount(practice.PracticeId);
        }
    }

    /// <summary>The practice's claims in date-of-service order, generated as they are read.</summary>
    public IEnumerable<NewClaim> Claims(SimulatedPractice practice)
    {
        var model = Model(practice);
        var schedule = model.Schedule;
        for (var day = 0; day < schedule.Days.Count; day++)
        {
            for (var provider = 0; provider < practice.Providers.Length; provider++)
            {
                var (first, count) = schedule.Slot(day, provider);
                for (var index = first; index < first + count; index++)
                {
                    yield return ClaimFactory.Create(Options, model, index, schedule.Days[day], provider).ToNewClaim(practice);
                }
            }
        }
    }

    /// <summary>Claim <paramref name="index"/> (0-based, in <see cref="Claims"/> order) of the practice, rebuilt on its own.</summary>
    public NewClaim Claim(SimulatedPractice practice, int index) => ClaimFactory.Create(Options, Model(practice), index).ToNewClaim(practice);

    /// <summary>What the payers do with claim <paramref name="index"/> of the practice, worked out on its own.</summary>
    public ClaimOutcome Outcome(SimulatedPractice practice, int index)
    {
        var model = Model(practice);
        var claim = ClaimFactory.Create(Options, model, index);
        if (ClaimCourse.Of(Options, model, claim) is not { } course)
        {
            return new ClaimOutcome(claim.ClaimId, index, claim.ServiceDate, claim.Charge, null, null, false, null, null, 0m, 0m, 0m, false, false, false, 0m, false, false, false, 0m, 0m);
        }

        var final = course.FinalPrimary;
        return new ClaimOutcome(
            claim.ClaimId,
            index,
            claim.ServiceDate,
            claim.Charge,
            course.Payer.PayerId,
            claim.Patient.SecondaryPayer?.PayerId,
            course.Fate.Denied,
            course.Fate.Denial is { } denial ? $"{denial.Group}-{denial.Reason}" : null,
            course.PaymentDate,
            course.Original.Paid,
            final.Paid,
            final.PatientResponsibility,
            course.IsSplit,
            course.IsReversed,
            course.IsCrossedOver,
            course.IsCrossedOver ? course.Secondary.Paid : 0m,
            course.Fate.DeniedLine >= 0,
            course.Fate.UnderpaidLine >= 0,
            course.Fate.Late,
            course.Interest,
            course.RecoupmentAmount);
    }

    /// <summary>
    /// Runs the simulation into <paramref name="directory"/> (created if missing) and returns every
    /// file written with the expectations. Use an empty folder: files of the same names are
    /// replaced, but those of an earlier, longer run would stay and be read with this one's.
    /// </summary>
    public SimulationFiles WriteFiles(string directory, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        return new SimulationRun(Options, _practices, new FolderOutput(full), progress, cancellationToken).Run(full);
    }

    /// <summary>The expectations alone: the same run as <see cref="WriteFiles"/>, writing nothing.</summary>
    public Expectations Expect(CancellationToken cancellationToken = default) =>
        new SimulationRun(Options, _practices, new NullOutput(), null, cancellationToken).Run("").Expectations;

    private PracticeModel Model(SimulatedPractice practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        // The same options give the same practice: one from another instance of this simulation will do.
        return practice.Index >= 0 && practice.Index < _practices.Length
            && _practices[practice.Index].Practice.PracticeId == practice.PracticeId
            && _practices[practice.Index].Practice.Npi == practice.Npi
            ? _practices[practice.Index]
            : throw new ArgumentException($"Practice '{practice.PracticeId}' is not one of this simulation's.", nameof(practice));
    }
}
