namespace ArCluster.Simulation.Visits;

/// <summary>An orthopedic clinic: new-patient evaluations with x-rays, follow-ups, joint injections, therapy, arthroscopy, braces.</summary>
internal static class OrthopedicsVisits
{
    private enum Region
    {
        Knee,
        Shoulder,
        Back,
        Ankle,
    }

    public static void Build(VisitDraft visit, VisitContext context)
    {
        Span<int> kinds = [22, 33, 25, 12, 3, 5];
        switch (context.Random.Weighted(kinds))
        {
            case 0:
                Evaluation(visit, context, context.Pick([("99203", 40), ("99204", 50), ("99205", 10)]), 0.65);
                break;
            case 1:
                Evaluation(visit, context, context.Pick([("99213", 55), ("99214", 40), ("99215", 5)]), 0.25);
                break;
            case 2:
                Injection(visit, context);
                break;
            case 3:
                Therapy(visit, context);
                break;
            case 4:
                Arthroscopy(visit, context);
                break;
            default:
                Brace(visit, context);
                break;
        }
    }

    private static void Evaluation(VisitDraft visit, VisitContext context, string level, double imagingChance)
    {
        var region = PickRegion(context);
        var side = region == Region.Back ? null : context.Side();
        var pointer = visit.Diagnose(Diagnosis(context, region, side));
        visit.Add(level, visit.AllPointers);
        if (context.Random.Chance(imagingChance))
        {
            var film = region switch
            {
                Region.Knee => context.Random.Chance(0.6) ? "73560" : "73562",
                Region.Shoulder => "73030",
                Region.Back => "72100",
                _ => "73610",
            };
            visit.Add(film, [pointer], 1m, "11", side is null ? [] : [side]);
        }
    }

    private static void Injection(VisitDraft visit, VisitContext context)
    {
        var random = context.Random;
        var region = random.Chance(0.7) ? Region.Knee : Region.Shoulder;
        var side = context.Side();
        var joint = visit.Diagnose(Diagnosis(context, region, side));
        if (random.Chance(0.5))
        {
            visit.Add(random.Chance(0.7) ? "99213" : "99214", joint, "25");
        }

        var code = random.Chance(0.85) ? "20610" : "20611";
        visit.Add(code, joint, side);
        var injections = 1;

        // The other side the same day is a distinct procedure: modifier 59 keeps it from bundling.
        if (random.Chance(0.06))
        {
            var other = side == "RT" ? "LT" : "RT";
            visit.Add(code, visit.Diagnose(Diagnosis(context, region, other)), "59", other);
            injections = 2;
        }

        if (random.Chance(0.6))
        {
            visit.Add("J1030", [joint], injections);
        }
        else
        {
            visit.Add("J3301", [joint], 4m * injections);
        }
    }

    private static void Therapy(VisitDraft visit, VisitContext context)
    {
        var region = PickRegion(context);
        var pointer = visit.Diagnose(Diagnosis(context, region, region == Region.Back ? null : context.Side()));

        // Therapy services carry GP (delivered under an outpatient physical therapy plan of care).
        visit.Add("97110", [pointer], context.Random.Between(2, 4), "11", "GP");
        if (context.Random.Chance(0.3))
        {
            visit.Add("97140", pointer, "GP");
        }
    }

    private static void Arthroscopy(VisitDraft visit, VisitContext context)
    {
        var side = context.Side();
        var tear = visit.Diagnose(side == "RT" ? "S83.241A" : "S83.242A");

        // Performed at an ambulatory surgical center: place of service 24.
        visit.Add("29881", [tear], 1m, "24", side);
    }

    private static void Brace(VisitDraft visit, VisitContext context)
    {
        var side = context.Side();
        var pain = visit.Diagnose(side == "RT" ? "M25.561" : "M25.562");
        visit.Add("99213", pain);
        visit.Add("L1830", pain, side);
    }

    private static Region PickRegion(VisitContext context)
    {
        Span<int> weights = [50, 25, 15, 10];
        return (Region)context.Random.Weighted(weights);
    }

    private static string Diagnosis(VisitContext context, Region region, string? side)
    {
        var right = side == "RT";
        return region switch
        {
            Region.Knee => context.Random.Next(3) switch
            {
                0 => right ? "M17.11" : "M17.12",
                1 => right ? "M25.561" : "M25.562",
                _ => right ? "S83.241A" : "S83.242A",
            },
            Region.Shoulder => context.Random.Next(3) switch
            {
                0 => right ? "M75.41" : "M75.42",
                1 => right ? "M19.011" : "M19.012",
                _ => right ? "M25.511" : "M25.512",
            },
            Region.Back => context.Random.Pick<string>(["M54.50", "M54.16", "M51.26"]),
            _ => context.Random.Chance(0.5) ? (right ? "M25.571" : "M25.572") : (right ? "S93.401A" : "S93.402A"),
        };
    }
}
