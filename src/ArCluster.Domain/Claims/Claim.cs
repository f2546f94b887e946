using System.Collections.Immutable;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Validation;

namespace ArCluster.Domain.Claims;

/// <summary>
/// A claim and its ledger: the charges billed, every payment, adjustment, transfer, refund and
/// reversal posted to it, and what each responsible party owes per service line. It is rebuilt by
/// replaying its postings; each operation decides a new <see cref="ClaimPosting"/> without changing
/// the claim, and only <see cref="Apply"/> — after the journal has accepted the posting — does.
/// </summary>
public sealed partial class Claim
{
    private readonly List<ClaimPosting> _postings = [];
    private readonly List<PartyBalances> _balancesAfter = [];
    private readonly Dictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);
    // Most claims never see a reversal; the set is made when the first one comes (memory per active claim counts).
    private HashSet<string>? _reversed;
    private readonly SortedDictionary<int, PartyBalances> _lineBalances = [];
    private PartyBalances _claimLevelBalance;
    private ClaimStatus _statusBeforeClose = ClaimStatus.Ready;

    private Claim(ClaimDetails details)
    {
        Details = details;
        foreach (var line in details.Lines)
        {
            _lineBalances[line.LineNumber] = PartyBalances.Zero;
        }
    }

    public ClaimDetails Details { get; }

    public long Version => _postings.Count;

    public ClaimStatus Status { get; private set; } = ClaimStatus.Ready;

    public IReadOnlyList<ClaimPosting> Postings => _postings;

    public LedgerTotals Totals { get; private set; } = LedgerTotals.Zero;

    public PartyBalances Balances { get; private set; } = PartyBalances.Zero;

    /// <summary>Balances of amounts the payer adjusted at claim level rather than on a line.</summary>
    public PartyBalances ClaimLevelBalance => _claimLevelBalance;

    public PartyBalances LineBalance(int lineNumber) => _lineBalances[lineNumber];

    public string Name => $"claim '{Details.ClaimId}' of practice '{Details.PracticeId}'";

    /// <summary>The first posting of every claim: one charge per service line, billed to the first responsible party.</summary>
    public static ClaimPosting Open(ClaimDetails details, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        var party = details.FirstResponsibleParty;
        var charges = details.Lines.Select((line, i) =>
            new LedgerEntry(context.EntryId(i + 1), EntryKind.Charge, line.Charge, party, line.ServiceDate)
            {
                LineNumber = line.LineNumber,
                PayerId = details.CoverageOf(party)?.PayerId.Value,
            });
        return new ClaimPosting(context.PostingId, 1, ClaimOperation.Open, context.PostedAt, context.PostedBy, [.. charges], ClaimStatus.Ready)
        {
            Details = details,
        };
    }

    /// <summary>Rebuilds a claim from its journal; the first posting must be its <see cref="Open"/>.</summary>
    public static Claim FromHistory(IEnumerable<ClaimPosting> postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        Claim? claim = null;
        foreach (var posting in postings)
        {
            claim ??= new Claim(posting.Details ?? throw new InvalidOperationException($"The first posting of a claim must open it; '{posting.PostingId}' is a {posting.Operation}."));
            claim.Apply(posting);
        }

        return claim ?? throw new InvalidOperationException("A claim needs at least its opening posting.");
    }

    private bool IsReversed(string entryId) => _reversed?.Contains(entryId) == true;

    /// <summary>A claim has a handful of postings: a scan costs less than an index kept for every active claim.</summary>
    public ClaimPosting? Find(string postingId) => _postings.Find(p => p.PostingId.Value == postingId);

    /// <summary>What each party owed right after the posting that made <paramref name="version"/>.</summary>
    public PartyBalances BalancesAt(long version) => _balancesAfter[checked((int)version) - 1];

    /// <summary>Takes a posting the journal has made durable into the claim's state.</summary>
    public void Apply(ClaimPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (posting.Version != Version + 1)
        {
            throw new InvalidOperationException($"Posting '{posting.PostingId}' is version {posting.Version}, but {Name} is at version {Version}.");
        }

        if (Find(posting.PostingId.Value) is not null)
        {
            // Checked before anything changes: a second posting under the same id would otherwise be
            // half applied before its first entry id collided.
            throw new InvalidOperationException($"Posting '{posting.PostingId}' is already applied to {Name}.");
        }

        foreach (var entry in posting.Entries)
        {
            if (entry.LineNumber is { } line)
            {
                _lineBalances[line] = _lineBalances[line].Apply(entry);
            }
            else
            {
                _claimLevelBalance = _claimLevelBalance.Apply(entry);
            }

            Balances = Balances.Apply(entry);
            Totals = Totals.Add(entry);
            _entries.Add(entry.EntryId, entry);
            if (entry.Reverses is { } reversed)
            {
                (_reversed ??= new HashSet<string>(StringComparer.Ordinal)).Add(reversed);
            }
        }

        if (posting.Status == ClaimStatus.Closed && Status != ClaimStatus.Closed)
        {
            _statusBeforeClose = Status;
        }

        Status = posting.Status;
        _postings.Add(posting);
        _balancesAfter.Add(Balances);
    }

    /// <summary>Posts a payer's adjudication: its payment, write-offs, and patient responsibility moved on.</summary>
    public ClaimPosting PostPayerPayment(PostingContext context, PayerPaymentCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var violations = new Violations();
        if (command.Payer == ResponsibleParty.Patient || !Details.Has(command.Payer))
        {
            violations.Add("payer", $"{Name} has no {command.Payer.ToString().ToLowerInvariant()} payer");
        }

        for (var i = 0; i < command.Lines.Length; i++)
        {
            CheckLine(violations, $"lines[{i}].lineNumber", command.Lines[i].LineNumber);
            if (command.Lines[i].Paid.IsNegative)
            {
                violations.Add($"lines[{i}].paid", $"a payment cannot be negative ({command.Lines[i].Paid}); reverse the earlier payment instead");
            }
        }

        if (command.Lines.Select(l => l.LineNumber).Distinct().Count() != command.Lines.Length)
        {
            violations.Add("lines", "a line is paid twice in one payment");
        }

        if (command.Lines.IsEmpty && command.ClaimAdjustments.IsEmpty && command.ClaimLevelPaid.IsZero && !command.Denied)
        {
            violations.Add("lines", "a payer payment needs at least one line or claim-level adjustment");
        }

        violations.ThrowIfAny($"Payer payment '{context.PostingId}' on {Name}");

        var entries = new EntryWriter(context, Details);
        var patientShareGoesTo = command.Payer == ResponsibleParty.Primary && Details.Secondary is not null
            ? ResponsibleParty.Secondary
            : ResponsibleParty.Patient;
        foreach (var line in command.Lines)
        {
            if (!line.Paid.IsZero)
            {
                entries.Add(EntryKind.PayerPayment, line.Paid, command.Payer, line.LineNumber, command.PaymentDate);
            }

            AddPayerAdjustments(entries, command, line.LineNumber, line.Adjustments, patientShareGoesTo);
        }

        if (!command.ClaimLevelPaid.IsZero)
        {
            entries.Add(EntryKind.PayerPayment, command.ClaimLevelPaid, command.Payer, null, command.PaymentDate);
        }

        AddPayerAdjustments(entries, command, null, command.ClaimAdjustments, patientShareGoesTo);
        var after = BalancesAfter(entries.Entries);
        var paid = Money.Sum(command.Lines.Select(l => l.Paid)) + command.ClaimLevelPaid;

        // Processed at $0 paid (e.g. all to the deductible) is not a denial: the payer passed a share on.
        var passedOn = entries.Entries.Any(e => e.Kind == EntryKind.Transfer && e.Party == command.Payer);
        var denied = command.Denied || (!command.StatusFromPayer && paid.IsZero && !passedOn);
        var adjudicated = denied ? ClaimStatus.Denied : after[command.Payer].IsPositive ? ClaimStatus.PartiallyPaid : ClaimStatus.Paid;
        return Posting(context, ClaimOperation.PayerPayment, entries.Entries, adjudicated, command.Memo) with
        {
            PayerClaimControlNumber = command.PayerClaimControlNumber,
            Remarks = command.Remarks,
            ForwardedTo = command.ForwardedTo,
        };
    }

    /// <summary>
    /// Applies up to <see cref="PatientPaymentCommand.UpTo"/> to what the patient owes, oldest service
    /// first (or to one line). Returns null when the patient owes nothing here; the caller keeps the
    /// rest as the account's credit.
    /// </summary>
    public ClaimPosting? ApplyPatientPayment(PostingContext context, PatientPaymentCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var violations = new Violations();
        if (!command.UpTo.IsPositive)
        {
            violations.Add("amount", $"a payment must be more than zero, not {command.UpTo}");
        }

        CheckLine(violations, "lineNumber", command.LineNumber);
        violations.ThrowIfAny($"Patient payment '{context.PostingId}' on {Name}");

        var entries = new EntryWriter(context, Details);
        foreach (var (line, portion) in Allocate(command.UpTo, ResponsibleParty.Patient, command.LineNumber))
        {
            entries.Add(EntryKind.PatientPayment, portion, ResponsibleParty.Patient, line, command.PaymentDate, command.Memo);
        }

        return entries.Entries.IsEmpty ? null : Posting(context, ClaimOperation.PatientPayment, entries.Entries, null, command.Memo);
    }

    /// <summary>A manual adjustment; a positive one may not adjust away more than the party owes.</summary>
    public ClaimPosting PostAdjustment(PostingContext context, AdjustmentCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var violations = new Violations();
        CheckParty(violations, "party", command.Party);
        CheckLine(violations, "lineNumber", command.LineNumber);
        if (command.Amount.IsZero)
        {
            violations.Add("amount", "an adjustment of 0.00 changes nothing");
        }

        if (!violations.Any && command.Amount.IsPositive)
        {
            var owed = Owed(command.Party, command.LineNumber);
            if (command.Amount > owed)
            {
                violations.Add("amount", $"{command.Amount} is more than the {Describe(command.Party)} balance of {owed} {Where(command.LineNumber)}");
            }
        }

        violations.ThrowIfAny($"Adjustment '{context.PostingId}' on {Name}");
        var entries = new EntryWriter(context, Details);
        entries.Add(EntryKind.Adjustment, command.Amount, command.Party, command.LineNumber, command.Date, command.Memo, command.Group, command.Reason);
        return Posting(context, ClaimOperation.Adjustment, entries.Entries, null, command.Memo);
    }

    /// <summary>Moves a balance to another responsible party (e.g. primary → secondary after adjudication).</summary>
    public ClaimPosting Transfer(PostingContext context, TransferCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var violations = new Violations();
        CheckParty(violations, "from", command.From);
        CheckParty(violations, "to", command.To);
        CheckLine(violations, "lineNumber", command.LineNumber);
        if (command.From == command.To)
        {
            violations.Add("to", "a transfer needs two different parties");
        }

        if (command.Amount is { IsPositive: false } amount)
        {
            violations.Add("amount", $"a transfer must be more than zero, not {amount}");
        }

        var owed = violations.Any ? Money.Zero : Owed(command.From, command.LineNumber);
        if (!violations.Any && (command.Amount ?? owed) > owed)
        {
            violations.Add("amount", $"{command.Amount} is more than the {Describe(command.From)} balance of {owed} {Where(command.LineNumber)}");
        }

        if (!violations.Any && !owed.IsPositive)
        {
            violations.Add("from", $"the {Describe(command.From)} owes nothing {Where(command.LineNumber)}");
        }

        violations.ThrowIfAny($"Transfer '{context.PostingId}' on {Name}");
        var entries = new EntryWriter(context, Details);
        foreach (var (line, portion) in Allocate(command.Amount ?? owed, command.From, command.LineNumber))
        {
            entries.Add(EntryKind.Transfer, portion, command.From, line, command.Date, command.Memo, toParty: command.To);
        }

        return Posting(context, ClaimOperation.Transfer, entries.Entries, null, command.Memo);
    }

    /// <summary>Adjusts away everything a party still owes, line by line.</summary>
    public ClaimPosting WriteOff(PostingContext context, WriteOffCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var violations = new Violations();
        CheckParty(violations, "party", command.Party);
        CheckLine(violations, "lineNumber", command.LineNumber);
        if (!violations.Any && !Owed(command.Party, command.LineNumber).IsPositive)
        {
            violations.Add("party", $"the {Describe(command.Party)} owes nothing {Where(command.LineNumber)}; there is nothing to write off");
        }

        violations.ThrowIfAny($"Write-off '{context.PostingId}' on {Name}");
        var entries = new EntryWriter(context, Details);
        foreach (var (line, portion) in Allocate(Owed(command.Party, command.LineNumber), command.Party, command.LineNumber))
        {
            entries.Add(EntryKind.Adjustment, portion, command.Party, line, command.Date, command.Memo, command.Group, command.Reason);
        }

        return Posting(context, ClaimOperation.WriteOff, entries.Entries, null, command.Memo);
    }

    /// <summary>Pays back a credit balance (an overpayment) to the party that holds it.</summary>
    public ClaimPosting Refund(PostingContext context, RefundCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var violations = new Violations();
        CheckParty(violations, "party", command.Party);
        CheckLine(violations, "lineNumber", command.LineNumber);
        if (!command.Amount.IsPositive)
        {
            violations.Add("amount", $"a refund must be more than zero, not {command.Amount}");
        }

        var credit = violations.Any ? Money.Zero : Credit(command.Party, command.LineNumber);
        if (!violations.Any && command.Amount > credit)
        {
            violations.Add("amount", $"{command.Amount} is more than the {Describe(command.Party)} credit of {credit} {Where(command.LineNumber)}");
        }

        violations.ThrowIfAny($"Refund '{context.PostingId}' on {Name}");
        var entries = new EntryWriter(context, Details);
        var remaining = command.Amount;
        foreach (var (line, lineCredit) in Buckets(command.LineNumber).Select(b => (b.Line, Credit: -b.Balances[command.Party])).Where(b => b.Credit.IsPositive))
        {
            var portion = Money.Min(remaining, lineCredit);
            entries.Add(EntryKind.Refund, portion, command.Party, line, command.Date, command.Memo);
            remaining -= portion;
            if (remaining.IsZero)
            {
                break;
            }
        }

        return Posting(context, ClaimOperation.Refund, entries.Entries, null, command.Memo);
    }

    /// <summary>
    /// Cancels an earlier posting (every entry of it not yet reversed) or one entry. Patient payments
    /// are reversed through their account, which keeps the payment's application in step.
    /// </summary>
    public ClaimPosting Reverse(PostingContext context, ReverseCommand command, bool patientPaymentsAllowed = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var posting = Find(command.Target);
        var targets = posting is not null
            ? posting.Entries
            : _entries.TryGetValue(command.Target, out var entry) ? [entry] : [];
        var violations = new Violations();
        if (posting is not null && targets.IsEmpty)
        {
            violations.Add("target", $"posting '{command.Target}' moved no money ({posting.Operation}); there is nothing to reverse");
        }
        else if (targets.IsEmpty)
        {
            violations.Add("target", $"'{command.Target}' is neither a posting nor an entry of {Name}");
        }

        var reversible = targets.Where(e => e.Kind != EntryKind.Reversal && !IsReversed(e.EntryId)).ToArray();
        if (!targets.IsEmpty && reversible.Length == 0)
        {
            violations.Add("target", $"'{command.Target}' is already reversed, or is itself a reversal");
        }

        if (!patientPaymentsAllowed && reversible.Any(e => e.Kind == EntryKind.PatientPayment))
        {
            violations.Add("target", $"'{command.Target}' is a patient payment; reverse the payment on account '{Details.AccountId}' so its application stays in step");
        }

        violations.ThrowIfAny($"Reversal '{context.PostingId}' on {Name}");
        var entries = reversible.Select((e, i) => e.ReversedBy(context.EntryId(i + 1), command.Date, command.Memo)).ToImmutableArray();
        return Posting(context, ClaimOperation.Reversal, entries, null, command.Memo);
    }

    /// <summary>Moves the claim along its life cycle; <see cref="ClaimStatus.Closed"/> follows the balance, not a request.</summary>
    public ClaimPosting ChangeStatus(PostingContext context, StatusChangeCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (!ClaimStatusMachine.CanMove(Status, command.To))
        {
            var allowed = string.Join(", ", ClaimStatusMachine.NextFrom(Status));
            throw new RuleViolationException($"Status change '{context.PostingId}' on {Name}",
                [new RuleViolation("status", $"a {Status} claim cannot become {command.To}; allowed: {(allowed.Length == 0 ? "none (it follows its balance)" : allowed)}")]);
        }

        return Posting(context, ClaimOperation.StatusChange, [], command.To, command.Memo);
    }

    private ClaimPosting Posting(PostingContext context, ClaimOperation operation, ImmutableArray<LedgerEntry> entries, ClaimStatus? requested, string? memo)
    {
        var after = BalancesAfter(entries);
        var settled = after.Primary.IsZero && after.Secondary.IsZero && after.Patient.IsZero;
        ClaimStatus status;
        if (operation == ClaimOperation.StatusChange)
        {
            // A deliberate move (an appeal of a written-off denial, say) is kept even at a zero balance.
            status = requested!.Value;
        }
        else if (settled && requested != ClaimStatus.Denied)
        {
            // Closed only when nobody owes and nobody is owed: a payer credit against a patient
            // balance still needs a refund and a collection.
            status = ClaimStatus.Closed;
        }
        else if (Status == ClaimStatus.Closed)
        {
            status = requested ?? _statusBeforeClose;
        }
        else
        {
            status = requested is { } next && (next == Status || ClaimStatusMachine.CanMove(Status, next)) ? next : Status;
        }

        return new ClaimPosting(context.PostingId, Version + 1, operation, context.PostedAt, context.PostedBy, entries, status) { Memo = memo };
    }

    private static void AddPayerAdjustments(EntryWriter entries, PayerPaymentCommand command, int? line, ImmutableArray<AdjustmentAmount> adjustments, ResponsibleParty patientShareGoesTo)
    {
        foreach (var adjustment in adjustments.Where(a => !a.Amount.IsZero && !IsPriorPayerImpact(a, command.Payer)))
        {
            if (adjustment.Group == AdjustmentGroup.PR)
            {
                // Patient responsibility is not written off: it becomes what the secondary payer
                // (or the patient) owes. A negative PR amount moves it back to the payer.
                var (from, to) = adjustment.Amount.IsPositive ? (command.Payer, patientShareGoesTo) : (patientShareGoesTo, command.Payer);
                var amount = adjustment.Amount.IsPositive ? adjustment.Amount : -adjustment.Amount;
                entries.Add(EntryKind.Transfer, amount, from, line, command.PaymentDate, command.Memo, adjustment.Group, adjustment.Reason, to);
            }
            else
            {
                entries.Add(EntryKind.Adjustment, adjustment.Amount, command.Payer, line, command.PaymentDate, command.Memo, adjustment.Group, adjustment.Reason);
            }
        }
    }

    /// <summary>
    /// OA-23 on a secondary payer's adjudication states what the prior payer already paid or
    /// adjusted; that is on the claim already, from the primary's own posting, and is not the
    /// secondary's to adjust again.
    /// </summary>
    private static bool IsPriorPayerImpact(AdjustmentAmount adjustment, ResponsibleParty payer) =>
        payer == ResponsibleParty.Secondary && adjustment.Group == AdjustmentGroup.OA && adjustment.Reason.Value == "23";

    private PartyBalances BalancesAfter(IEnumerable<LedgerEntry> entries) => entries.Aggregate(Balances, (b, e) => b.Apply(e));

    /// <summary>The claim-level bucket first, then lines by date of service and line number.</summary>
    private IEnumerable<(int? Line, PartyBalances Balances)> Buckets(int? onlyLine)
    {
        if (onlyLine is { } single)
        {
            yield return (single, _lineBalances[single]);
            yield break;
        }

        yield return (null, _claimLevelBalance);
        foreach (var line in Details.Lines.OrderBy(l => l.ServiceDate).ThenBy(l => l.LineNumber))
        {
            yield return (line.LineNumber, _lineBalances[line.LineNumber]);
        }
    }

    /// <summary>Splits an amount over what a party owes, oldest first, never past a bucket's balance.</summary>
    private List<(int? Line, Money Portion)> Allocate(Money amount, ResponsibleParty party, int? onlyLine)
    {
        var portions = new List<(int?, Money)>();
        var remaining = Money.Min(amount, Owed(party, onlyLine));
        foreach (var (line, balances) in Buckets(onlyLine))
        {
            if (remaining.IsZero)
            {
                break;
            }

            if (balances[party].IsPositive)
            {
                var portion = Money.Min(remaining, balances[party]);
                portions.Add((line, portion));
                remaining -= portion;
            }
        }

        return portions;
    }

    /// <summary>
    /// What a party owes in scope: its positive buckets there, but never more than it owes on the
    /// whole claim, so a negative bucket (a claim-level CAS, an overpaid line) is not owed twice.
    /// </summary>
    private Money Owed(ResponsibleParty party, int? line) =>
        Money.Min(Money.Sum(Buckets(line).Select(b => Money.Max(b.Balances[party], Money.Zero))), Money.Max(Balances[party], Money.Zero));

    /// <summary>A party's credit in scope, never more than its credit on the whole claim.</summary>
    private Money Credit(ResponsibleParty party, int? line) =>
        Money.Min(Money.Sum(Buckets(line).Select(b => Money.Max(-b.Balances[party], Money.Zero))), Money.Max(-Balances[party], Money.Zero));

    private void CheckLine(Violations violations, string field, int? line)
    {
        if (line is { } number && !_lineBalances.ContainsKey(number))
        {
            violations.Add(field, $"line {number} is not on {Name} (it has lines 1 to {Details.Lines.Length})");
        }
    }

    private void CheckParty(Violations violations, string field, ResponsibleParty party)
    {
        if (!Details.Has(party))
        {
            violations.Add(field, $"{Name} has no {Describe(party)}");
        }
    }

    private static string Describe(ResponsibleParty party) => party switch
    {
        ResponsibleParty.Primary => "primary payer",
        ResponsibleParty.Secondary => "secondary payer",
        _ => "patient",
    };

    private static string Where(int? line) => line is { } n ? $"on line {n}" : "on the claim";

    /// <summary>Numbers a posting's entries and stamps each with the payer of its party.</summary>
    private sealed class EntryWriter(PostingContext context, ClaimDetails details)
    {
        private readonly ImmutableArray<LedgerEntry>.Builder _entries = ImmutableArray.CreateBuilder<LedgerEntry>();

        public ImmutableArray<LedgerEntry> Entries => _entries.ToImmutable();

        public void Add(
            EntryKind kind,
            Money amount,
            ResponsibleParty party,
            int? line,
            DateOnly date,
            string? memo = null,
            AdjustmentGroup? group = null,
            AdjustmentReason? reason = null,
            ResponsibleParty? toParty = null) =>
            _entries.Add(new LedgerEntry(context.EntryId(_entries.Count + 1), kind, amount, party, date)
            {
                LineNumber = line,
                ToParty = toParty,
                Group = group,
                Reason = reason,
                PayerId = details.CoverageOf(party)?.PayerId.Value ?? (toParty is { } to ? details.CoverageOf(to)?.PayerId.Value : null),
                Memo = memo,
            });
    }
}
