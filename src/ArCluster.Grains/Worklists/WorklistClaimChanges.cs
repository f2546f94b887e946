using System.Globalization;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Errors;
using ArCluster.Abstractions.Ledger;
using ArCluster.Domain.Worklists;

namespace ArCluster.Grains.Worklists;

/// <summary>
/// What an accepted worklist action does to its claim: an appeal or correction moves the claim's
/// status; a write-off posts an adjustment for the insurance party that still owes. Every change is a
/// claim posting under an id derived from the action id, so a retried action finds it done instead of
/// doing it twice.
/// </summary>
internal static class WorklistClaimChanges
{
    /// <summary>
    /// Makes the claim change, or finds it already made. Returns the claim posting that stands for the
    /// action (null when the claim needed no change) and its receipt when this call made it.
    /// </summary>
    public static async Task<(string? PostingId, PostingReceipt? Receipt)> ApplyAsync(
        IClaimGrain claim, string itemKey, string actionId, WorklistDecision decision, DateOnly today, string user)
    {
        var postingId = WorklistActionRules.PostingIdFor(actionId);
        var view = await claim.Read();
        if (view.History.Any(p => p.PostingId == postingId))
        {
            return (postingId, null);
        }

        var memo = decision.Note is null ? $"worklist {itemKey}" : $"worklist {itemKey}: {decision.Note}";
        PostingReceipt? receipt = decision.Action switch
        {
            WorklistAction.Appeal => await ChangeStatusAsync(claim, view, postingId, "Appealed", memo, user),
            WorklistAction.MarkForCorrection => await ChangeStatusAsync(claim, view, postingId, "Corrected", memo, user),
            WorklistAction.WriteOff => await claim.WriteOff(
                new WriteOffBalance(postingId, OwingInsurer(view), decision.WriteOffGroup!.Value.ToString(), decision.WriteOffReason!.Value.Value, null, today, memo), user),
            _ => null,
        };
        return (receipt?.Posting.PostingId, receipt);
    }

    /// <summary>A claim already in the status (appealed by phone, say) needs no change.</summary>
    private static async Task<PostingReceipt?> ChangeStatusAsync(IClaimGrain claim, ClaimView view, string postingId, string status, string memo, string user) =>
        string.Equals(view.Status, status, StringComparison.OrdinalIgnoreCase)
            ? null
            : await claim.ChangeStatus(new ChangeClaimStatus(postingId, status, memo), user);

    /// <summary>The primary payer if it still owes, else the secondary: a worklist write-off never touches what the patient owes.</summary>
    private static Party OwingInsurer(ClaimView view)
    {
        if (view.Balance.Primary > 0m)
        {
            return Party.Primary;
        }

        if (view.Balance.Secondary > 0m)
        {
            return Party.Secondary;
        }

        throw new InvalidCommandException(
            $"Claim '{view.ClaimId}' has no insurance balance to write off (primary {Amount(view.Balance.Primary)}, secondary {Amount(view.Balance.Secondary)}).",
            [new FieldError("action", "no payer owes anything on the claim; resolve the item with a note instead")]);
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
