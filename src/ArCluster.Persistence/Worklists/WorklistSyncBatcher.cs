using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ArCluster.Persistence.Worklists;

/// <summary>
/// Commits many claims' worklist restatements together, as the journal commits many postings: a
/// claim waits for the transaction that holds its restatement, so an 835 that settles thousands of
/// followed-up claims costs a few hundred commits, not thousands. A batch that fails is retried one
/// restatement at a time, so one source's failure is its own.
/// </summary>
public sealed class WorklistSyncBatcher : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly WorklistStore _store;
    private readonly ILogger<WorklistSyncBatcher> _logger;
    private readonly Channel<(WorklistSync Sync, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(WorklistSync, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = false });

    private readonly Task[] _writers;

    public WorklistSyncBatcher(WorklistStore store, ILogger<WorklistSyncBatcher> logger, int writers = 2)
    {
        _store = store;
        _logger = logger;
        _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync))];
    }

    public Task SyncAsync(WorklistSync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite((sync, done)), this);

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteAsync()
    {
        var batch = new List<(WorklistSync Sync, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await _store.SyncManyAsync([.. batch.Select(r => r.Sync)]);
                batch.ForEach(r => r.Done.TrySetResult());
            }
            catch (Exception e) when (batch.Count > 1)
            {
                _logger.LogWarning(e, "A batch of {Count} worklist restatements failed; committing them one by one", batch.Count);
                foreach (var (sync, done) in batch)
                {
                    try
                    {
                        await _store.SyncManyAsync([sync]);
                        done.TrySetResult();
                    }
                    catch (Exception single)
                    {
                        done.TrySetException(single);
                    }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }
}
