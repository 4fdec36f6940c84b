using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ContactCenter.Channels.Ocr.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Lends Tesseract engines, one per concurrent page: created lazily up to <see cref="OcrOptions.EngineCount"/> and
/// reused, since loading the models costs more than reading a page.
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
        return version;
    }

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

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "osd.traineddata not found in {TessdataPath} (Debian: tesseract-ocr-osd): page orientation is decided by confidence only")]
    private static partial void LogOsdMissing(ILogger logger, string tessdataPath);
}
