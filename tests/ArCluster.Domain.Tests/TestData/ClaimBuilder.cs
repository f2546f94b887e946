using System.Collections.Immutable;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Identifiers;
using ArCluster.Domain.Ledger;

namespace ArCluster.Domain.Tests.TestData;

/// <summary>
/// Builds valid claims the way charge entry would: through <see cref="ClaimRules"/>, opened and
/// replayed like a grain does. Every claim is dated against <see cref="Today"/>, never the clock.
/// </summary>
public sealed class ClaimBuilder
{
    public const string Medicare = "00431";
    public const string Commercial = "87726";
    public const string Medicaid = "SKCA0";
    public const string BillingNpi = "1234567893";
    public const string RenderingNpi = "1245319599";
    public const string OtherNpi = "1679576722";

    public static readonly DateOnly Today = new(2025, 6, 30);
    public static readonly DateTimeOffset Now = new(2025, 6, 30, 14, 0, 0, TimeSpan.Zero);
    public static readonly IReadOnlySet<string> PracticePayers = new HashSet<string>(StringComparer.Ordinal) { Medicare, Commercial, Medicaid };

    private readonly List<ServiceLineInput> _lines = [];
    private CoverageInput? _primary = new(Medicare, "1EG4TE5MK73");
    private CoverageInput? _secondary;
    private string _claimId = "C100";

    public ClaimBuilder SelfPay()
    {
        _primary = null;
        _secondary = null;
        return this;
    }

    public ClaimBuilder WithSecondary(string payerId = Commercial, string memberId = "W123456789")
    {
        _secondary = new CoverageInput(payerId, memberId);
        return this;
    }

    public ClaimBuilder Id(string claimId)
    {
        _claimId = claimId;
        return this;
    }

    public ClaimBuilder Line(decimal charge, string code = "99213", int daysAgo = 30, string? lineControlNumber = null)
    {
        _lines.Add(LineInput(charge, code, daysAgo, lineControlNumber));
        return this;
    }

    public static ServiceLineInput LineInput(decimal charge, string code = "99213", int daysAgo = 30, string? lineControlNumber = null) =>
        new(code, [], 1m, charge, Today.AddDays(-daysAgo), "11", [1], lineControlNumber);

    public ClaimInput Input() => new(
        "riverside", _claimId, "A-1001", _primary, _secondary, BillingNpi, RenderingNpi, ["E11.9", "I10"],
        _lines.Count == 0 ? [LineInput(150m)] : [.. _lines]);

    public ClaimDetails Details() => ClaimRules.Validate(Input(), PracticePayers, Today);

    /// <summary>The claim as its grain holds it after the opening posting was journaled.</summary>
    public Claim Open() => Claim.FromHistory([Claim.Open(Details(), Context($"{_claimId}-open"))]);

    public static PostingId PostingIdOf(string raw) =>
        PostingId.TryParse(raw, out var id, out var error) ? id : throw new ArgumentException(error, nameof(raw));

    public static PostingContext Context(string postingId) => new(PostingIdOf(postingId), Now, "poster.jane");

    public static Money Usd(decimal amount) => Money.Of(amount);

    public static AdjustmentReason Carc(string code) =>
        AdjustmentReason.TryParse(code, out var reason, out var error) ? reason : throw new ArgumentException(error, nameof(code));

    public static AdjustmentAmount Cas(AdjustmentGroup group, string carc, decimal amount) => new(group, Carc(carc), Usd(amount));

    public static LinePayment Paid(int line, decimal paid, params AdjustmentAmount[] adjustments) => new(line, Usd(paid), [.. adjustments]);

    public static PayerPaymentCommand Eob(ResponsibleParty payer, params LinePayment[] lines) =>
        new(payer, Today, [.. lines], [], "PCN-778899", null);

    public static PayerPaymentCommand Eob(ResponsibleParty payer, ImmutableArray<LinePayment> lines, ImmutableArray<AdjustmentAmount> claimAdjustments) =>
        new(payer, Today, lines, claimAdjustments, "PCN-778899", null);

    public static PatientPaymentCommand PatientPays(decimal upTo, int? line = null) => new(Usd(upTo), line, Today, null);
}

/// <summary>Decide-then-apply, as a grain does once the journal accepted the posting.</summary>
public static class ClaimPostingExtensions
{
    public static ClaimPosting Post(this Claim claim, ClaimPosting posting)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Apply(posting);
        return posting;
    }

    /// <summary>Every party's balance on every line plus the claim level, for exact before/after comparisons.</summary>
    public static string LineBalancesText(this Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return string.Join(" | ", claim.Details.Lines.Select(l => $"{l.LineNumber}: {claim.LineBalance(l.LineNumber)}"))
            + $" | claim: {claim.ClaimLevelBalance}";
    }
}
