using ArCluster.Abstractions.Practices;

namespace ArCluster.Simulation.Catalog;

/// <summary>
/// The payers every simulated practice can bill: Medicare Part B, a state Medicaid and three
/// commercial plans, with their real clearinghouse payer ids and typical contracts. Tax ids, bank
/// accounts and addresses are made up.
/// </summary>
internal static class Payers
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Medicare may not pay a clean electronic claim before day 14 (the payment floor, 42 CFR 405.922 / SSA §1869);
    // state Medicaid programs pay in weekly check-writes; commercial plans pay on their own cycles.
    public static readonly PayerProfile Medicare = new(
        0, "00431", "Medicare Part B (Noridian JE)", PayerKind.Medicare, 365, "NORIDIAN JE PART B", "990000431", "MB",
        Weekdays, 14, 30, 0.45m, 0.60m, "MCR", "PO BOX 6775", "FARGO", "ND", "58108", "091000019", "4400012345", 0.04625m);

    public static readonly PayerProfile Medicaid = new(
        4, "SKCA0", "Medi-Cal", PayerKind.Medicaid, 365, "MEDI-CAL", "990000602", "MC",
        [DayOfWeek.Thursday], 14, 28, 0.35m, 0.50m, "MCAL", "PO BOX 15300", "SACRAMENTO", "CA", "95851", "121000358", "5500067890", 0.07m);

    public static readonly PayerProfile UnitedHealthcare = new(
        3, "87726", "UnitedHealthcare", PayerKind.Commercial, 90, "UNITEDHEALTHCARE", "990087726", "CI",
        Weekdays, 10, 21, 0.65m, 0.85m, "UHC", "PO BOX 30555", "SALT LAKE CITY", "UT", "84130", "071000013", "6600011111", 0.10m);

    public static readonly PayerProfile Aetna = new(
        1, "60054", "Aetna", PayerKind.Commercial, 120, "AETNA", "990060054", "CI",
        [DayOfWeek.Tuesday, DayOfWeek.Thursday], 12, 25, 0.62m, 0.82m, "AET", "PO BOX 981106", "EL PASO", "TX", "79998", "031100209", "6600022222", 0.10m);

    public static readonly PayerProfile Cigna = new(
        2, "62308", "Cigna", PayerKind.Commercial, 180, "CIGNA", "990062308", "CI",
        [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], 14, 30, 0.60m, 0.80m, "CIG", "PO BOX 188061", "CHATTANOOGA", "TN", "37422", "026009593", "6600033333", 0.10m);

    /// <summary>Indexed by <see cref="PayerProfile.Index"/>, in payer id order: a day's 835 files are written in the order their names sort.</summary>
    public static readonly PayerProfile[] All = [Medicare, Aetna, Cigna, UnitedHealthcare, Medicaid];

    public static readonly PayerProfile[] Commercial = [UnitedHealthcare, Aetna, Cigna];
}
