namespace ArCluster.Simulation.Visits;

/// <summary>A family physician's day: sick visits, chronic care with labs, annual exams, a joint injection, an ECG, flu shots.</summary>
internal static class FamilyMedicineVisits
{
    private static readonly string[] Acute = ["J06.9", "J02.9", "R05.9", "N39.0", "M54.50", "R51.9", "J01.90", "K21.9", "F41.1"];
    private static readonly string[] Chronic = ["I10", "E11.9", "E78.5", "E66.9", "E03.9", "K21.9"];

    public static void Build(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        Span<int> kinds = [45, 25, 12, 5, 5, context.FluSeason ? 8 : 1];
        switch (random.Weighted(kinds))
        {
            case 0:
                Problem(visit, context);
                break;
            case 1:
                ChronicCare(visit, context);
                break;
            case 2:
                AnnualExam(visit, context);
                break;
            case 3:
                JointInjection(visit, context);
                break;
            case 4:
                Electrocardiogram(visit, context);
                break;
            default:
                FluShot(visit, context);
                break;
        }
    }

    private static void Problem(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var acute = random.Pick(Acute);
        var pointer = visit.Diagnose(acute);
        if (random.Chance(0.5))
        {
            visit.Diagnose(random.Pick(Chronic));
        }

        var level = context.Pick([("99212", 15), ("99213", 50), ("99214", 30), ("99215", 5)]);

        // Telehealth from the patient's home: POS 10 with modifier 95 (CMS telehealth billing since 2024).
        if (random.Chance(0.04))
        {
            visit.Add(level, visit.AllPointers, 1m, "10", "95");
            return;
        }

        visit.Add(level, visit.AllPointers);
        if (acute == "J02.9" && random.Chance(0.6))
        {
            visit.Add("87880", pointer, "QW");
        }

        if (acute == "N39.0" && random.Chance(0.9))
        {
            visit.Add("81002", pointer);
        }

        if (context.FluSeason && random.Chance(0.15))
        {
            FluShot(visit, context);
        }
    }

    private static void ChronicCare(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var conditions = random.Between(1, 3);
        for (var i = 0; i < conditions; i++)
        {
            visit.Diagnose(random.Pick(Chronic));
        }

        visit.Add(context.Pick([("99213", 45), ("99214", 50), ("99215", 5)]), visit.AllPointers);
        if (!random.Chance(0.6))
        {
            return;
        }

        var tests = new List<(string Code, int Pointer)>(5);
        if (random.Chance(0.7))
        {
            tests.Add(("80053", 1));
        }

        if (random.Chance(0.4))
        {
            tests.Add(("85025", 1));
        }

        AddIfDiagnosed(visit, tests, "E78.5", "80061", random.Chance(0.7));
        AddIfDiagnosed(visit, tests, "E11.9", "83036", random.Chance(0.8));
        AddIfDiagnosed(visit, tests, "E03.9", "84443", random.Chance(0.8));
        if (tests.Count == 0)
        {
            tests.Add(("80053", 1));
        }

        visit.Add("36415", 1);
        foreach (var (code, pointer) in tests)
        {
            visit.Add(code, pointer);
        }
    }

    private static void AddIfDiagnosed(VisitDraft visit, List<(string Code, int Pointer)> tests, string diagnosis, string test, bool ordered)
    {
        if (ordered && visit.PointerOf(diagnosis) is { } pointer)
        {
            tests.Add((test, pointer));
        }
    }

    private static void AnnualExam(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;

        // Medicare covers the annual wellness visit (G0439), not a preventive physical (99397).
        var code = context.Age switch
        {
            < 40 => "99395",
            < 65 => "99396",
            _ when context.OnMedicare => "G0439",
            _ => "99397",
        };
        var exam = visit.Diagnose(random.Chance(0.8) ? "Z00.00" : "Z00.01");
        visit.Add(code, exam);

        // A problem addressed at the same visit is billed separately with modifier 25.
        if (random.Chance(0.3))
        {
            var problem = visit.Diagnose(random.Pick(Chronic));
            visit.Add(random.Chance(0.6) ? "99213" : "99214", problem, "25");
        }

        if (code != "G0439" && random.Chance(0.4))
        {
            visit.Add("36415", exam);
            visit.Add("80053", exam);
            visit.Add("80061", exam);
        }
    }

    private static void JointInjection(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var side = context.Side();
        var knee = visit.Diagnose(side == "RT" ? "M17.11" : "M17.12");
        visit.Add(random.Chance(0.7) ? "99213" : "99214", knee, "25");
        visit.Add("20610", knee, side);
        if (random.Chance(0.7))
        {
            visit.Add("J1030", knee);
        }
        else
        {
            visit.Add("J3301", [knee], 4m);
        }
    }

    private static void Electrocardiogram(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var reason = visit.Diagnose(random.Pick<string>(["R00.2", "R07.9", "I10"]));
        if (random.Chance(0.4))
        {
            visit.Diagnose(random.Pick(Chronic));
        }

        visit.Add(random.Chance(0.6) ? "99214" : "99213", visit.AllPointers);
        visit.Add("93000", reason);
    }

    private static void FluShot(VisitDraft visit, VisitContext context)
    {
        var vaccination = visit.Diagnose("Z23");
        visit.Add("90686", vaccination);

        // Medicare pays the flu shot's administration under its own code.
        visit.Add(context.OnMedicare ? "G0008" : "90471", vaccination);
    }
}
