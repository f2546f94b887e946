using ArCluster.Grains.Feed;
using ArCluster.Grains.FollowUp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace ArCluster.Grains;

public static class GrainsHosting
{
    /// <summary>
    /// What ArCluster's grains need beyond storage: the business clock (the system clock unless a
    /// test registered its own), claims' follow-up settings, database errors
    /// answered as ArCluster errors, and the ledger feed.
    /// </summary>
    public static ISiloBuilder UseArClusterGrains(this ISiloBuilder silo, Action<LedgerFeedOptions>? configureFeed = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton(BusinessClock.System);
        var followUp = new FollowUpOptions();
        silo.Configuration.GetSection("ArCluster:FollowUp").Bind(followUp);
        silo.Services.TryAddSingleton(followUp);
        silo.Services.TryAddSingleton<FollowUpSettingsCache>();
        silo.AddIncomingGrainCallFilter<DatabaseErrorFilter>();
        return silo.UseArClusterLedgerFeed(configureFeed);
    }
}
