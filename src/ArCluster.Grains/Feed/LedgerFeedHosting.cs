using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Streams;

namespace ArCluster.Grains.Feed;

public static class LedgerFeedHosting
{
    /// <summary>
    /// The ledger streams (in-memory queues, implicit subscriptions only: nothing to store about
    /// subscribers) and, unless turned off, the publisher that feeds them from the journal.
    /// </summary>
    public static ISiloBuilder UseArClusterLedgerFeed(this ISiloBuilder silo, Action<LedgerFeedOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = new LedgerFeedOptions();
        silo.Configuration.GetSection("ArCluster:LedgerFeed").Bind(options);
        configure?.Invoke(options);
        silo.Services.AddSingleton(options);
        silo.AddMemoryStreams(LedgerFeedStreams.Provider, streams =>
        {
            streams.ConfigurePartitioning(4);
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        if (options.Enabled)
        {
            silo.Services.AddHostedService<LedgerFeedKeeper>();
        }

        return silo;
    }
}
