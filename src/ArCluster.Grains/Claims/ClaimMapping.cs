using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;
using ArCluster.Domain;
using ArCluster.Domain.Claims;
using ArCluster.Domain.Codes;
using ArCluster.Domain.Ledger;
using ArCluster.Domain.Validation;
using ArCluster.Grains.Ledger;

namespace ArCluster.Grains.Claims;

/// <summary>Wire commands to validated domain commands (every bad field reported at once), and claims to views.</summary>
internal static class ClaimMapping
{
    public static ClaimInput ToInput(this NewClaim claim) => new(
        claim.PracticeId,
        claim.ClaimId,
        claim.AccountId,
        claim.Primary is { } p ? new CoverageInput(p.PayerId, p.MemberId) : null,
        claim.Secondary is { } s ? new CoverageInput(s.PayerId, s.MemberId) : null,
        claim.BillingNpi,
        claim.RenderingNpi,
        claim.Diagnoses.IsDefault ? [] : [.. claim.Diagnoses],
        claim.Lines.IsDefault
            ? []
            : [.. claim.Lines.Select(l => new ServiceLineInput(
                l.Code,
                l.Modifiers.IsDefault ? [] : [.. l.Modifiers],
                l.Units,
                l.Charge,
                l.ServiceDate,
                l.PlaceOfService,
                l.DiagnosisPointers.IsDefault ? [] : [.. l.DiagnosisPointers],
                l.LineControlNumber))]);

    public static PayerPaymentCommand ToDomain(this PostPayerPayment command)
    {
        var violations = new Violations();
        var lines = ImmutableArray.CreateBuilder<LinePayment>();
        var paidLines = command.Lines.IsDefault ? [] : command.Lines;
        for (var i = 0; i < paidLines.Length; i++)
        {
            var line = paidLines[i];
            var paid = WireValues.Amount(violations, $"lines[{i}].paid", line.Paid);
            var adjustments = WireValues.Adjustments(violations, $"lines[{i}].adjustments", line.Adjustments, ignoreCase: true);
            lines.Add(new LinePayment(line.LineNumber, paid, adjustments));
        }

        var claimAdjustments = WireValues.Adjustments(violations, "claimAdjustments", command.ClaimAdjustments, ignoreCase: true);
        violations.ThrowIfAny($"Payer payment '{command.PostingId}'");
        return new PayerPaymentCommand(
            (ResponsibleParty)command.Payer, command.PaymentDate, lines.ToImmutable(), claimAdjustments, command.PayerClaimControlNumber, command.Memo);
    }

    public static AdjustmentCommand ToDomain(this PostAdjustment command)
    {
        var violations = new Violations();
        var group = WireValues.Group(violations, "group", command.Group, ignoreCase: true);
        var reason = violations.Check<AdjustmentReason>("reason", command.Reason, AdjustmentReason.TryParse);
        var amount = WireValues.Amount(violations, "amount", command.Amount);
        violations.ThrowIfAny($"Adjustment '{command.PostingId}'");
        return new AdjustmentCommand(command.LineNumber, (ResponsibleParty)command.Party, group, reason!.Value, amount, command.Date, command.Memo);
    }

    public static TransferCommand ToDomain(this TransferBalance command)
    {
        var violations = new Violations();
        Money? amount = command.Amount is { } raw ? WireValues.Amount(violations, "amount", raw) : null;
        violations.ThrowIfAny($"Transfer '{command.PostingId}'");
        return new TransferCommand((ResponsibleParty)command.From, (ResponsibleParty)command.To, command.LineNumber, amount, command.Date, command.Memo);
    }

    public static StatusChangeCommand ToDomain(this ChangeClaimStatus command)
    {
        var violations = new Violations();
        var text = command.Status?.Trim();
        if (!Enum.TryParse<ClaimStatus>(text, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(text, out _))
        {
            violations.Add("status", $"'{command.Status}' is not a claim status; use one of {string.Join(", ", Enum.GetNames<ClaimStatus>())}");
        }

        violations.ThrowIfAny($"Status change '{command.PostingId}'");
        return new StatusChangeCommand(status, command.Memo);
    }

    public static WriteOffCommand ToDomain(this WriteOffBalance command)
    {
        var violations = new Violations();
        var group = WireValues.Group(violations, "group", command.Group, ignoreCase: true);
        var reason = violations.Check<AdjustmentReason>("reason", command.Reason, AdjustmentReason.TryParse);
        violations.ThrowIfAny($"Write-off '{command.PostingId}'");
        return new WriteOffCommand((ResponsibleParty)command.Party, group, reason!.Value, command.LineNumber, command.Date, command.Memo);
    }

    public static RefundCommand ToDomain(this RefundClaimCredit command)
    {
        var violations = new Violations();
        var amount = WireValues.Amount(violations, "amount", command.Amount);
        violations.ThrowIfAny($"Refund '{command.PostingId}'");
        return new RefundCommand((ResponsibleParty)command.Party, amount, command.LineNumber, command.Date, command.Memo);
    }

    public static ClaimView ToView(this Claim claim)
    {
        var details = claim.Details;
        return new ClaimView(
            details.PracticeId.Value,
            details.ClaimId.Value,
            details.AccountId.Value,
            claim.Status.ToString(),
            claim.Version,
            details.Primary is { } p ? new CoverageInfo(p.PayerId.Value, p.MemberId.Value) : null,
            details.Secondary is { } s ? new CoverageInfo(s.PayerId.Value, s.MemberId.Value) : null,
            details.BillingProvider.Value,
            details.RenderingProvider.Value,
            [.. details.Diagnoses.Select(d => d.Display)],
            [.. details.Lines.Select(l => new ClaimLineView(
                l.LineNumber,
                l.Code.Value,
                [.. l.Modifiers.Select(m => m.Value)],
                l.Units,
                l.Charge.Amount,
                l.ServiceDate,
                l.PlaceOfService.Value,
                l.DiagnosisPointers,
                l.LineControlNumber,
                claim.LineBalance(l.LineNumber).ToView()))],
            claim.ClaimLevelBalance.ToView(),
            claim.Balances.ToView(),
            claim.Totals.ToView(),
            [.. claim.Postings.Select(ToView)]);
    }

    public static PostingView ToView(this ClaimPosting posting) =>
        posting.PostingId.ToView(posting.Version, posting.Operation.ToString(), posting.PostedAt, posting.PostedBy, posting.Entries, posting.Memo);

    public static ClaimSummary ToSummary(this Claim claim) => new(
        claim.Details.ClaimId.Value,
        claim.Details.FirstServiceDate,
        claim.Status.ToString(),
        claim.Details.TotalCharge.Amount,
        claim.Balances.ToView());

    /// <summary>The receipt a posting got when it was made: balances as of its version, not today's.</summary>
    public static PostingReceipt ReceiptFor(this Claim claim, ClaimPosting posting)
    {
        return new PostingReceipt(
            claim.Details.PracticeId.Value, claim.Details.ClaimId.Value, posting.ToView(), claim.BalancesAt(posting.Version).ToView(), posting.Status.ToString());
    }
}
