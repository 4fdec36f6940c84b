namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Lets a batch be normalised before the store has said which of its items it already holds, and stops the work on
/// those it names: after a crash between a commit and its acknowledgement the first items of the next poll are
/// exactly such items, and an OCR'd letter of fifty pages would otherwise be read again for nothing.
/// </summary>
internal sealed class KnownItemCancellation
{
    private readonly Dictionary<int, (string Key, CancellationTokenSource Source)> running = [];
    private readonly Task<IReadOnlyDictionary<string, string?>> known;
    private bool answered;

    public KnownItemCancellation(Task<IReadOnlyDictionary<string, string?>> known)
    {
        this.known = known;
        known.ContinueWith(static (_, state) => ((KnownItemCancellation)state!).CancelKnown(), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The token to normalise item <paramref name="index"/> with, or null when the store's answer already names it.</summary>
    public CancellationTokenSource? Start(int index, string sourceKey, CancellationToken cancellationToken)
    {
        lock (running)
        {
            if (answered && known.IsCompletedSuccessfully && known.Result.ContainsKey(sourceKey))
            {
                return null;
            }

            var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (!answered)
            {
                running[index] = (sourceKey, source);
            }

            return source;
        }
    }

    public void Finish(int index)
    {
        lock (running)
        {
            running.Remove(index);
        }
    }

    private void CancelKnown()
    {
        List<CancellationTokenSource> stop;
        lock (running)
        {
            answered = true;
            stop = known.IsCompletedSuccessfully
                ? [.. running.Values.Where(r => known.Result.ContainsKey(r.Key)).Select(r => r.Source)]
                : [];
            running.Clear();
        }

        // Outside the lock: cancelling runs the normaliser's callbacks, which may finish the item on this thread.
        foreach (var source in stop)
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The item finished between the answer and now: nothing left to stop.
            }
        }
    }
}
