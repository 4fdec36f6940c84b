using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Runs the pages of one document in parallel, one engine each, and keeps their order. An engine is rented before
/// the page waiting for it is handed over, so at most one decoded page more than there are engines is in memory. The first failing
/// page cancels the others and its error is the document's.
/// </summary>
internal sealed class PageScheduler : IDisposable
{
    private readonly TesseractEnginePool pool;
    private readonly OcrOptions options;
    private readonly CancellationTokenSource stop;
    private readonly List<Task<PageText>> pages = [];

    public PageScheduler(TesseractEnginePool pool, OcrOptions options, CancellationToken cancellationToken)
    {
        this.pool = pool;
        this.options = options;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>A page that needs no engine (a PDF text layer).</summary>
    public void Add(PageText page) => pages.Add(Task.FromResult(page));

    /// <summary>Waits for an engine, then starts <paramref name="work"/> on it in the background.</summary>
    public async Task AddAsync(int number, Func<TesseractEngine, CancellationToken, Task<PageText>> work)
    {
        var lease = await pool.RentAsync(stop.Token).ConfigureAwait(false);
        pages.Add(RunAsync(number, lease, work));
    }

    public async Task<IReadOnlyList<PageText>> CompleteAsync()
    {
        try
        {
            return await Task.WhenAll(pages).ConfigureAwait(false);
        }
        catch
        {
            var failed = pages.First(p => p.IsFaulted || p.IsCanceled);
            var rejection = pages.Where(p => p.IsFaulted).Select(p => p.Exception!.InnerException).OfType<InboundItemRejectedException>().FirstOrDefault();
            if (rejection is not null)
            {
                throw rejection;
            }

            await failed.ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the pages already started and waits for their engines to come back, when the document is refused midway.</summary>
    public async Task AbandonAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(pages).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The document is already refused for another reason; these pages' own errors add nothing.
        }
    }

    public void Dispose() => stop.Dispose();

    private async Task<PageText> RunAsync(int number, EngineLease lease, Func<TesseractEngine, CancellationToken, Task<PageText>> work)
    {
        var running = Task.Run(() => work(lease.Engine, stop.Token), stop.Token);
        try
        {
            // The monitor's deadline covers recognition; this outer limit also covers layout analysis and preprocessing.
            return await running.WaitAsync(options.MaxOcrTimePerPage * 2 + TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lease.MarkBroken();
            _ = running.ContinueWith(_ => lease.Dispose(), TaskScheduler.Default);
            stop.Cancel();
            throw TimedOut(number);
        }
        catch (OcrTimeoutException)
        {
            lease.MarkBroken();
            stop.Cancel();
            throw TimedOut(number);
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            if (running.IsCompleted)
            {
                lease.Dispose();
            }
        }
    }

    private InboundItemRejectedException TimedOut(int number) =>
        new($"page {number}: OCR took longer than {OcrOptions.SectionName}:MaxOcrTimePerPage ({options.MaxOcrTimePerPage})");
}
