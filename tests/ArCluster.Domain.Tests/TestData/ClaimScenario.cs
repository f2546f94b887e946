using System.Collections.Immutable;
using System.Globalization;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using FsCheck;
using FsCheck.Fluent;
using static ArCluster.Domain.Tests.TestData.ClaimBuilder;

namespace ArCluster.Domain.Tests.TestData;

/// <summary>
/// One thing that can happen to a claim, drawn without looking at the claim: it may well be
/// invalid for the claim it meets (a line the claim lacks, a party it has not, more than is owed),
/// which is the point. Amounts marked as shares are taken from the claim's balance when decided,
/// so that realistic, balancing remittances are common too.
/// </summary>
public abstract record ClaimOp
{
    public abstract ClaimPosting? Decide(Claim claim, PostingContext context);

    protected static Money Share(Money balance, int percent) =>
        Money.FromCents(Money.Max(balance, Money.Zero).Cents * percent / 100);
}

public sealed record CasSpec(AdjustmentGroup Group, string Reason, long Cents)
{
    public AdjustmentAmount ToAdjustment() => new(Group, Carc(Reason), Money.FromCents(Cents));

    public override string ToString() => $"{Group}-{Reason} {Money.FromCents(Cents)}";
}

/// <summary>
/// A payer's line: either paid/CO/PR shares of what the payer owes on the line now (a balancing
/// 835 line), or raw amounts (over- and under-payments, negative corrections).
/// </summary>
public sealed record LineSpec(int Line, bool Balanced, int PaidPercent, int CoPercent, string PrCarc, long PaidCents, ImmutableArray<CasSpec> Adjustments)
{
    public LinePayment ToPayment(Claim claim, ResponsibleParty payer)
    {
        if (Balanced && Line >= 1 && Line <= claim.Details.Lines.Length && payer != ResponsibleParty.Patient)
        {
            var owed = Money.Max(claim.LineBalance(Line)[payer], Money.Zero);
            var paid = Money.FromCents(owed.Cents * PaidPercent / 100);
            var co = Money.FromCents((owed - paid).Cents * CoPercent / 100);
            var pr = owed - paid - co;
            return new LinePayment(Line, paid, [new(AdjustmentGroup.CO, Carc("45"), co), new(AdjustmentGroup.PR, Carc(PrCarc), pr)]);
        }

        return new LinePayment(Line, Money.FromCents(PaidCents), [.. Adjustments.Select(a => a.ToAdjustment())]);
    }

    public override string ToString() => Balanced
        ? $"line {Line}: paid {PaidPercent}%, CO {CoPercent}% of the rest, PR-{PrCarc} the remainder"
        : $"line {Line}: paid {Money.FromCents(PaidCents)} [{string.Join(", ", Adjustments)}]";
}

public sealed record PayerPaymentOp(ResponsibleParty Payer, ImmutableArray<LineSpec> Lines, ImmutableArray<CasSpec> ClaimAdjustments) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context) =>
        claim.PostPayerPayment(context, new PayerPaymentCommand(
            Payer, Today, [.. Lines.Select(l => l.ToPayment(claim, Payer))], [.. ClaimAdjustments.Select(a => a.ToAdjustment())], "PCN-1", null));

    public override string ToString() =>
        $"{Payer} pays ({string.Join("; ", Lines)}) claim-level [{string.Join(", ", ClaimAdjustments)}]";
}

public sealed record PatientPaymentOp(long Cents, int? Line) : ClaimOp
{
    public override ClaimPosting? Decide(Claim claim, PostingContext context) =>
        claim.ApplyPatientPayment(context, new PatientPaymentCommand(Money.FromCents(Cents), Line, Today, null));

    public override string ToString() => $"patient pays up to {Money.FromCents(Cents)} on {Where(Line)}";

    internal static string Where(int? line) => line is { } n ? $"line {n}" : "the claim";
}

public sealed record AdjustmentOp(int? Line, ResponsibleParty Party, AdjustmentGroup Group, string Reason, long Cents) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context) =>
        claim.PostAdjustment(context, new AdjustmentCommand(Line, Party, Group, Carc(Reason), Money.FromCents(Cents), Today, null));

    public override string ToString() => $"adjust {Party} {Group}-{Reason} {Money.FromCents(Cents)} on {PatientPaymentOp.Where(Line)}";
}

public sealed record TransferOp(ResponsibleParty From, ResponsibleParty To, int? Line, long? Cents) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context) =>
        claim.Transfer(context, new TransferCommand(From, To, Line, Cents is { } c ? Money.FromCents(c) : null, Today, null));

    public override string ToString() =>
        $"transfer {(Cents is { } c ? Money.FromCents(c).ToString() : "all")} {From} -> {To} on {PatientPaymentOp.Where(Line)}";
}

public sealed record WriteOffOp(ResponsibleParty Party, AdjustmentGroup Group, string Reason, int? Line) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context) =>
        claim.WriteOff(context, new WriteOffCommand(Party, Group, Carc(Reason), Line, Today, null));

    public override string ToString() => $"write off {Party} {Group}-{Reason} on {PatientPaymentOp.Where(Line)}";
}

/// <summary>A refund of a share of the party's visible credit, or of a raw amount when the share is 0.</summary>
public sealed record RefundOp(ResponsibleParty Party, int? Line, int CreditPercent, long Cents) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context)
    {
        var balance = Line is { } n && n >= 1 && n <= claim.Details.Lines.Length ? claim.LineBalance(n)[Party] : claim.Balances[Party];
        var amount = CreditPercent > 0 ? Share(-balance, CreditPercent) : Money.FromCents(Cents);
        return claim.Refund(context, new RefundCommand(Party, amount, Line, Today, null));
    }

    public override string ToString() =>
        $"refund {Party} {(CreditPercent > 0 ? $"{CreditPercent}% of credit" : Money.FromCents(Cents).ToString())} on {PatientPaymentOp.Where(Line)}";
}

/// <summary>Reverses an earlier posting, or one of its entries, picked by position when decided.</summary>
public sealed record ReverseOp(int Pick, bool OneEntry, bool PatientPaymentsAllowed, bool Unknown) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context) =>
        claim.Reverse(context, new ReverseCommand(Target(claim), Today, null), PatientPaymentsAllowed);

    public static string Target(Claim claim, int pick, bool oneEntry, bool unknown)
    {
        if (unknown)
        {
            return "NOT-POSTED";
        }

        var posting = claim.Postings[pick % claim.Postings.Count];
        return oneEntry && !posting.Entries.IsEmpty ? posting.Entries[pick / 7 % posting.Entries.Length].EntryId : posting.PostingId.Value;
    }

    public override string ToString() =>
        Unknown ? "reverse an unknown posting" : $"reverse {(OneEntry ? "an entry of " : string.Empty)}posting #{Pick}{(PatientPaymentsAllowed ? " (as the account)" : string.Empty)}";

    private string Target(Claim claim) => Target(claim, Pick, OneEntry, Unknown);
}

public sealed record StatusOp(ClaimStatus To) : ClaimOp
{
    public override ClaimPosting Decide(Claim claim, PostingContext context) => claim.ChangeStatus(context, new StatusChangeCommand(To, null));

    public override string ToString() => $"status -> {To}";
}

/// <summary>A valid claim and the operations thrown at it.</summary>
public sealed record ClaimScenario(ClaimInput Input, ImmutableArray<ClaimOp> Operations)
{
    public ClaimDetails Details() => ClaimRules.Validate(Input, PracticePayers, Today);

    public override string ToString()
    {
        var coverage = Input.Primary is null ? "self-pay" : Input.Secondary is null ? "primary" : "primary + secondary";
        var lines = string.Join(", ", Input.Lines.Select((l, i) =>
            $"{i + 1}: {l.Code} {l.Charge.ToString("0.00", CultureInfo.InvariantCulture)} on {l.ServiceDate:yyyy-MM-dd}"));
        return $"{coverage} claim [{lines}]{Environment.NewLine}  "
            + string.Join($"{Environment.NewLine}  ", Operations.Select((op, i) => $"OP-{i + 1}: {op}"));
    }
}

public static class ClaimGenerators
{
    private static readonly string[] Codes = ["99213", "99214", "G0439", "0001F", "36415", "81002", "J1885", "97110"];
    private static readonly string[] Carcs = ["45", "1", "2", "3", "23", "50", "97", "253", "A1", "B7"];

    public static Gen<ServiceLineInput> ServiceLine =>
        from code in Gen.Elements(Codes)
        from cents in Gen.Choose(500, 250_000)
        from daysAgo in Gen.Choose(0, 400)
        from place in Gen.Elements("11", "02", "22")
        select new ServiceLineInput(code, [], 1m, cents / 100m, Today.AddDays(-daysAgo), place, [1], null);

    /// <summary>A claim that passes every edit: 1 to 5 lines, self-pay, primary only, or primary and secondary.</summary>
    public static Gen<ClaimInput> ValidClaim =>
        from lineCount in Gen.Choose(1, 5)
        from lines in Gen.ArrayOf(ServiceLine, lineCount)
        from coverage in Gen.Choose(0, 2)
        select new ClaimBuilder().Input() with
        {
            Primary = coverage == 0 ? null : new CoverageInput(Medicare, "1EG4TE5MK73"),
            Secondary = coverage == 2 ? new CoverageInput(Commercial, "W123456789") : null,
            Lines = lines,
        };

    /// <summary>A claim with a primary payer (and sometimes a secondary), as remittances need.</summary>
    public static Gen<ClaimInput> InsuredClaim => ValidClaim.Where(c => c.Primary is not null);

    public static Gen<ResponsibleParty> AnyParty => Gen.Elements(ResponsibleParty.Primary, ResponsibleParty.Secondary, ResponsibleParty.Patient);

    public static Gen<AdjustmentGroup> AnyGroup => Gen.Elements(AdjustmentGroup.CO, AdjustmentGroup.PR, AdjustmentGroup.OA, AdjustmentGroup.PI);

    /// <summary>Mostly lines 1 to 5 (so sometimes past the claim's last line), sometimes the whole claim.</summary>
    public static Gen<int?> LineOrClaim => Gen.Frequency(
        (3, Gen.Constant<int?>(null)),
        (5, Gen.Choose(1, 5).Select(n => (int?)n)),
        (1, Gen.Constant<int?>(0)));

    public static Gen<long> Cents(int min, int max) => Gen.Choose(min, max).Select(c => (long)c);

    public static Gen<CasSpec> Cas =>
        from g in AnyGroup
        from carc in Gen.Elements(Carcs)
        from cents in Gen.Frequency((6, Cents(1, 20_000)), (1, Cents(-5_000, -1)), (1, Gen.Constant(0L)))
        select new CasSpec(g, carc, cents);

    public static Gen<LineSpec> PayerLine =>
        from line in Gen.Frequency((9, Gen.Choose(1, 5)), (1, Gen.Constant(0)))
        from balanced in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from paidPercent in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 100)))
        from coPercent in Gen.Choose(0, 100)
        from prCarc in Gen.Elements("1", "2", "3")
        from paidCents in Gen.Frequency((5, Cents(0, 200_000)), (1, Cents(-1_000, -1)))
        from adjustmentCount in Gen.Choose(0, 3)
        from adjustments in Gen.ArrayOf(Cas, adjustmentCount)
        select new LineSpec(line, balanced, paidPercent, coPercent, prCarc, paidCents, [.. adjustments]);

    public static Gen<ClaimOp> PayerPayment =>
        from payer in Gen.Frequency((6, Gen.Constant(ResponsibleParty.Primary)), (3, Gen.Constant(ResponsibleParty.Secondary)), (1, Gen.Constant(ResponsibleParty.Patient)))
        from lineCount in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 4)))
        from lines in Gen.ArrayOf(PayerLine, lineCount)
        from claimCount in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from claimAdjustments in Gen.ArrayOf(Cas, claimCount)
        select (ClaimOp)new PayerPaymentOp(payer, [.. lines], [.. claimAdjustments]);

    public static Gen<ClaimOp> PatientPayment =>
        from cents in Gen.Frequency((8, Cents(1, 60_000)), (1, Cents(-500, 0)))
        from line in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, LineOrClaim))
        select (ClaimOp)new PatientPaymentOp(cents, line);

    public static Gen<ClaimOp> Adjustment =>
        from line in LineOrClaim
        from party in AnyParty
        from g in AnyGroup
        from carc in Gen.Elements(Carcs)
        from cents in Gen.Frequency((6, Cents(1, 40_000)), (2, Cents(-5_000, -1)), (1, Gen.Constant(0L)))
        select (ClaimOp)new AdjustmentOp(line, party, g, carc, cents);

    public static Gen<ClaimOp> Transfer =>
        from source in AnyParty
        from to in AnyParty
        from line in LineOrClaim
        from cents in Gen.Frequency((1, Gen.Constant<long?>(null)), (1, Cents(-100, 40_000).Select(c => (long?)c)))
        select (ClaimOp)new TransferOp(source, to, line, cents);

    public static Gen<ClaimOp> WriteOff =>
        from party in AnyParty
        from g in AnyGroup
        from carc in Gen.Elements(Carcs)
        from line in LineOrClaim
        select (ClaimOp)new WriteOffOp(party, g, carc, line);

    public static Gen<ClaimOp> Refund =>
        from party in AnyParty
        from line in LineOrClaim
        from percent in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 100)), (1, Gen.Constant(101)))
        from cents in Cents(-100, 20_000)
        select (ClaimOp)new RefundOp(party, line, percent, cents);

    public static Gen<ClaimOp> Reverse =>
        from pick in Gen.Choose(0, 1_000)
        from oneEntry in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from asAccount in Gen.Elements(false, true)
        from unknown in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (ClaimOp)new ReverseOp(pick, oneEntry, asAccount, unknown);

    public static Gen<ClaimOp> StatusChange => Gen.Elements(Enum.GetValues<ClaimStatus>()).Select(s => (ClaimOp)new StatusOp(s));

    public static Gen<ClaimOp> Operation => Gen.Frequency(
        (5, PayerPayment),
        (3, PatientPayment),
        (2, Adjustment),
        (2, Transfer),
        (1, WriteOff),
        (2, Refund),
        (3, Reverse),
        (2, StatusChange));

    public static Gen<ClaimScenario> Scenario =>
        from input in ValidClaim
        from count in Gen.Choose(1, 30)
        from operations in Gen.ArrayOf(Operation, count)
        select new ClaimScenario(input, [.. operations]);
}
