namespace ContactCenter.Testing;

/// <summary>Waits for what another process, server or background task does, failing with a description of what it saw.</summary>
public static class Polling
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>The first non-null value <paramref name="probe"/> returns within <paramref name="timeout"/>.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> describe)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done within {timeout}.\n{describe()}");
            }

            await Task.Delay(Pause);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe) =>
        ForAsync(async () => await condition() ? string.Empty : null, timeout, describe);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, describe);
}
