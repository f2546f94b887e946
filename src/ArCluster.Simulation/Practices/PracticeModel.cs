using System.Collections.Frozen;
using ArCluster.Simulation.Catalog;
using ArCluster.Simulation.Visits;

namespace ArCluster.Simulation.Practices;

/// <summary>A practice with what the simulation needs beyond its registration: charges, contracts, payment methods and visit schedule.</summary>
internal sealed class PracticeModel(
    SimulatedPractice practice,
    SpecialtyProfile specialty,
    PayerProfile[] commercialPayers,
    FrozenDictionary<string, decimal> chargeMaster,
    FrozenDictionary<string, decimal>?[] feesByPayer,
    bool[] paysByCheck,
    decimal openingBalance,
    VisitSchedule schedule)
{
    public SimulatedPractice Practice { get; } = practice;

    public int Index => Practice.Index;

    public SpecialtyProfile Specialty { get; } = specialty;

    /// <summary>The commercial payers it has contracts with, most patients first.</summary>
    public PayerProfile[] CommercialPayers { get; } = commercialPayers;

    public VisitSchedule Schedule { get; } = schedule;

    /// <summary>The deposit account's ledger balance before the first simulated day.</summary>
    public decimal OpeningBalance { get; } = openingBalance;

    /// <summary>The practice's charge for one unit of <paramref name="code"/>.</summary>
    public decimal ChargeOf(string code) => chargeMaster[code];

    /// <summary>The contracted allowed amount for one unit of <paramref name="code"/> with <paramref name="payer"/>.</summary>
    public decimal FeeOf(PayerProfile payer, string code) =>
        (feesByPayer[payer.Index] ?? throw new InvalidOperationException($"Practice {Practice.PracticeId} has no contract with payer {payer.PayerId}."))[code];

    /// <summary>True when <paramref name="payer"/> pays this practice by paper check rather than EFT.</summary>
    public bool PaidByCheck(PayerProfile payer) => paysByCheck[payer.Index];
}
