using ArCluster.Persistence.Ledger;

namespace ArCluster.Grains.Ledger;

/// <summary>
/// What a posting id promises: this command, on this stream. A resend must match it exactly; the
/// same id used for anything else is refused.
/// </summary>
internal static class Fingerprint
{
    public static byte[] Of<TCommand>(string streamId, TCommand command) => LedgerJson.Hash(new { streamId, command });

    /// <summary>For postings ArCluster derives itself (a payment's steps): the id alone defines them.</summary>
    public static byte[] OfDerived(string streamId, string postingId) => LedgerJson.Hash(new { streamId, postingId });
}
