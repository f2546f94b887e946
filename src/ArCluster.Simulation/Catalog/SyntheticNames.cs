namespace ArCluster.Simulation.Catalog;

/// <summary>
/// Names that no one could mistake for a real patient's: ordinary first names with surnames made up
/// to sound like test data. Nothing here contains an X12 delimiter (* ~ : ^).
/// </summary>
internal static class SyntheticNames
{
    public static readonly string[] First =
    [
        "Ada", "Blake", "Casey", "Dana", "Eli", "Frankie", "Gale", "Harper", "Indy", "Jules",
        "Kai", "Lane", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Tatum",
        "Uma", "Val", "Wren", "Xan", "Yael", "Zion", "Avery", "Briar", "Cruz", "Drew",
        "Emery", "Finley", "Greer", "Hollis", "Ira", "Jesse", "Kendall", "Logan", "Marlo", "Nico",
    ];

    public static readonly string[] Last =
    [
        "Testpatient", "Samplesworth", "Fakerton", "Mockingham", "Dummyfield", "Placeholder",
        "Fictionson", "Notarealname", "Synthbrook", "Exampleton", "Madeupski", "Stubbington",
        "Testcase", "Simulacra", "Pretendwell", "Imaginaro", "Loremipsum", "Ipsumdale",
        "Dolorsit", "Fixtureman", "Seedwell", "Randomova", "Fabricatti", "Inventley",
    ];

    /// <summary>Made-up town names for practice names.</summary>
    public static readonly string[] Places =
    [
        "Maple Grove", "Cedar Falls", "Riverbend", "Oak Hollow", "Willow Creek", "Stonebridge",
        "Pine Valley", "Lakeside", "Brookhaven", "Summit Ridge", "Harbor View", "Meadowlark",
        "Fox Run", "Silver Lake", "Elm Park", "Aspen Hill", "Birch Bay", "Copper Canyon",
        "Juniper Flats", "Sandpiper Cove",
    ];
}
