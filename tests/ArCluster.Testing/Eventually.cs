namespace ArCluster.Testing;

/// <summary>
/// Waits for something the cluster does in the background (the ledger stream, reminders) to show.
/// Not a timing assertion: the limit only stops a broken build from hanging the suite.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not there after {(limit ?? Limit).TotalSeconds:0} s; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
