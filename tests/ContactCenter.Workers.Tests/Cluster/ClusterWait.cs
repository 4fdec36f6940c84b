namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>Waits for what cluster nodes do in their own processes, failing with what they logged.</summary>
internal static class ClusterWait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done within {timeout}.\n{describe()}");
            }

            await Task.Delay(200);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, describe);
}
