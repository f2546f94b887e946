using Orleans.Runtime;

namespace ArCluster.Grains.Feed;

/// <summary>The ledger feed's Orleans streams: one per practice, in one namespace consumers subscribe to implicitly.</summary>
public static class LedgerFeedStreams
{
    public const string Provider = "ledger";

    public const string Namespace = "ledger-feed";

    /// <summary>The one publisher's grain key.</summary>
    public const string Publisher = "journal";

    public static StreamId For(string practiceId) => StreamId.Create(Namespace, practiceId);
}
