using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArCluster.Grains.Feed;

/// <summary>
/// Keeps the one feed publisher running: every silo pings it every few seconds, so when the silo
/// hosting it dies, another activates it within seconds (a reminder could take a minute).
/// </summary>
internal sealed class LedgerFeedKeeper(IGrainFactory grains, LedgerFeedOptions options, TimeProvider clock, ILogger<LedgerFeedKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EnsureEvery, clock);
        do
        {
            try
            {
                await grains.GetGrain<ILedgerFeedGrain>(LedgerFeedStreams.Publisher).Ensure().WaitAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Usually the silo is still joining or the cluster is moving the publisher; the next tick tries again.
                logger.LogDebug(e, "Could not reach the ledger feed publisher yet");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
