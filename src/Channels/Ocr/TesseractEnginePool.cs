using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ContactCenter.Channels.Ocr.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Lends Tesseract engines, one per concurrent page, up to <see cref="OcrOptions.EngineCount"/>, reused, since loading
/// the models costs about half of reading a page. <see cref="EnsureAvailable"/> loads the first one and the others
/// in the background meanwhile; an engine lost to a timeout is replaced on demand.
/// </summary>
internal sealed partial class TesseractEnginePool : IDisposable
{
    /// <summary>Page images and Tesseract's page-sized buffers are larger; the many small allocations stay in the arenas.</summary>
    private const int LargeBlockBytes = 4 * 1024 * 1024;

    private readonly OcrOptions options;
    private readonly ILogger<TesseractEnginePool> logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<TesseractEngine> idle = [];
    private readonly OrientationDetector orientation;
    private int created;
    private bool disposed;

    public TesseractEnginePool(IOptions<OcrOptions> options, ILogger<TesseractEnginePool> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        slots = new SemaphoreSlim(this.options.EngineCount, this.options.EngineCount);
        orientation = new OrientationDetector(this.options.TessdataPath);
        NativeHeap.LimitArenas(this.options.EngineCount + 2);
        NativeHeap.MapBlocksFrom(LargeBlockBytes);
        OcrLibraryResolver.Register(this.options.TesseractLibrary, this.options.LeptonicaLibrary);
    }

    internal OcrOptions Options => options;

    /// <summary>
    /// Loads both libraries and every configured language once, so a missing package stops the service at start with
    /// a message saying what to install, not at the first letter. The engine it creates joins the pool.
    /// </summary>
    public string EnsureAvailable()
    {
        var version = OcrEnvironmentCheck.LoadLibraries();
        OcrEnvironmentCheck.RequireLanguages(options.TessdataPath, options.Languages);
        if (!File.Exists(Path.Combine(options.TessdataPath, "osd.traineddata")))
        {
            LogOsdMissing(logger, options.TessdataPath);
        }

        slots.Wait();
        try
        {
            idle.Add(idle.TryTake(out var engine) ? engine : CreateEngine());
        }
        finally
        {
            slots.Release();
        }

        LogAvailable(logger, version, options.Languages, options.EngineCount, OpenMpThreadLimit.Apply());

        // Measured on `ingest --once` over 20 pages: the second engine loaded while the service starts, not when the
        // second page waits for it, saves 0.35 s of one core's time.
        WarmingUp = Task.WhenAll(Enumerable.Range(1, options.EngineCount - 1).Select(_ => Task.Run(WarmOneAsync)));
        return version;
    }

    /// <summary>The background loading of the engines after the first, started by <see cref="EnsureAvailable"/>.</summary>
    internal Task WarmingUp { get; private set; } = Task.CompletedTask;

    internal int Created => Volatile.Read(ref created);

    public async Task<EngineLease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var engine = idle.TryTake(out var existing) ? existing : await Task.Run(CreateEngine, cancellationToken).ConfigureAwait(false);
            return new EngineLease(this, engine);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var engine))
        {
            engine.Dispose();
        }

        orientation.Dispose();
    }

    internal void Return(TesseractEngine engine, bool reusable)
    {
        if (reusable && !disposed)
        {
            idle.Add(engine);
        }
        else
        {
            LogEngineDiscarded(logger, engine.Id);
            engine.Dispose();
        }

        slots.Release();
    }

    private async Task WarmOneAsync()
    {
        await slots.WaitAsync().ConfigureAwait(false);
        TesseractEngine engine;
        try
        {
            if (disposed || Created >= options.EngineCount)
            {
                slots.Release();
                return;
            }

            engine = CreateEngine();
        }
        catch (Exception ex)
        {
            // The first engine loaded, so this one will most likely load when a page needs it; that page reports the error.
            slots.Release();
            LogWarmUpFailed(logger, ex);
            return;
        }

        Return(engine, reusable: true);
    }

    private TesseractEngine CreateEngine()
    {
        OcrEnvironmentCheck.LoadLibraries();
        OcrEnvironmentCheck.RequireLanguages(options.TessdataPath, options.Languages);
        var id = Interlocked.Increment(ref created);
        var engine = TesseractEngine.Create(id, options.TessdataPath, options.Languages, options.PageSegMode, orientation);
        LogEngineCreated(logger, id, options.Languages);
        return engine;
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Tesseract {Version} ready: languages {Languages}, up to {EngineCount} engines, OMP_THREAD_LIMIT={ThreadLimit}")]
    private static partial void LogAvailable(ILogger logger, string version, string languages, int engineCount, string threadLimit);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Tesseract engine {EngineId} created ({Languages})")]
    private static partial void LogEngineCreated(ILogger logger, int engineId, string languages);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Tesseract engine {EngineId} discarded after a timeout or cancellation")]
    private static partial void LogEngineDiscarded(ILogger logger, int engineId);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "A Tesseract engine could not be loaded in advance; pages will load it when they need it")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "osd.traineddata not found in {TessdataPath} (Debian: tesseract-ocr-osd): page orientation is decided by confidence only")]
    private static partial void LogOsdMissing(ILogger logger, string tessdataPath);
}
