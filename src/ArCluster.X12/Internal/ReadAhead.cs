using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ArCluster.X12.Internal;

/// <summary>
/// Runs an enumeration on a dedicated background thread, at most <c>capacity</c> items ahead of the
/// consumer, so that reading and splitting the next transaction sets overlaps with parsing the
/// current one. Leaving the consumer's loop early stops the thread and closes the source; an
/// exception on the thread surfaces on the consumer's next MoveNext.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Enumerate<T>(IEnumerable<T> source, int capacity)
    {
        using var queue = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    queue.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "X12 read-ahead",
        };
        thread.Start();
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                yield return item;
            }

            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            thread.Join();
        }
    }
}
