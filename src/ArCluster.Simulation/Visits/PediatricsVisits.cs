namespace ArCluster.Simulation.Visits;

/// <summary>A pediatric office: sick visits with rapid tests, well-child checks with screenings and vaccines, asthma care, flu shots.</summary>
internal static class PediatricsVisits
{
    private static readonly string[] Acute = ["J06.9", "J02.9", "H66.91", "H66.92", "R50.9", "R05.9", "L20.9", "J10.1"];

    public static void Build(VisitDraft visit, VisitContext context)
    {
        Span<int> kinds = [55, 30, 7, context.FluSeason ? 8 : 0];
        switch (context.Random.Weighted(kinds))
        {
            case 0:
                Sick(visit, context, context.Pick([("99212", 25), ("99213", 55), ("99214", 20)]), []);
                break;
            case 1:
                WellChild(visit, context);
                break;
            case 2:
                Asthma(visit, context);
                break;
            default:
                var vaccination = visit.Diagnose("Z23");
                visit.Add("90686", vaccination);
                visit.Add("90460", vaccination);
                break;
        }
    }

    private static void Sick(VisitDraft visit, VisitContext context, string level, string[] modifiers)
    {
        var random = context.Random;
        var acute = random.Pick(Acute);
        var pointer = visit.Diagnose(acute);
        visit.Add(level, [pointer], 1m, "11", modifiers);
        if (acute == "J02.9" && random.Chance(0.7))
        {
            visit.Add("87880", pointer, "QW");
        }

        if (acute == "J10.1" && random.Chance(0.8))
        {
            visit.Add("87804", pointer, "QW");
        }
    }

    private static void WellChild(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var age = context.Age;
        var established = random.Chance(0.9);
        var code = age switch
        {
            < 1 => established ? "99391" : "99381",
            < 5 => established ? "99392" : "99382",
            < 12 => established ? "99393" : "99383",
            _ => established ? "99394" : "99384",
        };
        var exam = visit.Diagnose(random.Chance(0.85) ? "Z00.129" : "Z00.121");
        visit.Add(code, exam);
        if (age < 3)
        {
            visit.Add("96110", exam);
        }

        if (age >= 3 && random.Chance(0.7))
        {
            visit.Add("99173", exam);
        }

        if (age >= 4 && random.Chance(0.5))
        {
            visit.Add("92551", exam);
        }

        Vaccinate(visit, context);

        // A problem treated at the well visit is its own service: modifier 25.
        if (random.Chance(0.1))
        {
            Sick(visit, context, "99213", ["25"]);
        }
    }

    private static void Vaccinate(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        string[] due = context.Age switch
        {
            < 1 => ["90700", "90744", "90648"],
            < 4 => ["90707", "90716", "90633", "90700"],
            <= 6 => ["90707", "90716"],
            < 12 => [],
            _ => ["90651", "90734", "90715"],
        };
        var vaccines = new List<string>(4);
        var count = due.Length == 0 ? 0 : random.Between(0, Math.Min(2, due.Length));
        foreach (var vaccine in due.OrderBy(_ => random.Next(1000)).Take(count))
        {
            vaccines.Add(vaccine);
        }

        if (context.FluSeason && random.Chance(0.5))
        {
            vaccines.Add("90686");
        }

        if (vaccines.Count == 0)
        {
            return;
        }

        var vaccination = visit.Diagnose("Z23");
        foreach (var vaccine in vaccines)
        {
            visit.Add(vaccine, vaccination);
        }

        // 90460 pays the first component of each vaccine, 90461 each further one (DTaP, MMR, Tdap have three).
        visit.Add("90460", [vaccination], vaccines.Count);
        var further = vaccines.Sum(v => v is "90700" or "90707" or "90715" ? 2 : 0);
        if (further > 0)
        {
            visit.Add("90461", [vaccination], further);
        }
    }

    private static void Asthma(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var asthma = visit.Diagnose(random.Chance(0.6) ? "J45.909" : "J45.20");
        visit.Add(random.Chance(0.6) ? "99213" : "99214", asthma);
        if (random.Chance(0.4))
        {
            visit.Add("94640", asthma);
            visit.Add("J7613", [asthma], random.Between(1, 3));
        }
    }
}
