using ArCluster.Abstractions.Errors;
using ArCluster.Domain.Identifiers;

namespace ArCluster.Grains.Ledger;

internal static class PostingIds
{
    public static PostingId Parse(string? raw) =>
        PostingId.TryParse(raw, out var id, out var error)
            ? id
            : throw new InvalidCommandException(error, [new FieldError("postingId", error)]);

    public static ConflictException Reused(PostingId postingId, string where) =>
        new($"Posting id '{postingId}' was already used for a different posting on {where}; resend the original command to get its result, or choose a new id.");
}
