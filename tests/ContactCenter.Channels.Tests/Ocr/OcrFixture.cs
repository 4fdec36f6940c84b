using ContactCenter.Channels.Ocr;
using ContactCenter.Testing.Scans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Ocr;

/// <summary>Generated scans plus a real engine pool over Debian's libtesseract, shared by the OCR tests.</summary>
public sealed class OcrFixture : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public OcrFixture()
    {
        Pool = CreatePool(new OcrOptions { EngineCount = 2 });
        Reader = CreateReader(Pool);
    }

    public ScanFixtures Scans { get; } = new();

    internal TesseractEnginePool Pool { get; }

    internal DocumentTextReader Reader { get; }

    internal static TesseractEnginePool CreatePool(OcrOptions options) =>
        new(Options.Create(options), NullLogger<TesseractEnginePool>.Instance);

    internal static DocumentTextReader CreateReader(TesseractEnginePool pool) =>
        new(pool, Options.Create(PoolOptions(pool)), TimeProvider.System, NullLogger<DocumentTextReader>.Instance);

    /// <summary>A reader with its own pool and options, for tests of limits.</summary>
    internal DocumentTextReader ReaderWith(Action<OcrOptions> configure)
    {
        var options = new OcrOptions { EngineCount = 1 };
        configure(options);
        var pool = CreatePool(options);
        owned.Add(pool);
        return CreateReader(pool);
    }

    internal async Task<DocumentText> ReadAsync(string path, DocumentTextReader? reader = null)
    {
        await using var file = File.OpenRead(path);
        return await (reader ?? Reader).ReadAsync(file, Path.GetFileName(path), CancellationToken.None);
    }

    public void Dispose()
    {
        owned.ForEach(d => d.Dispose());
        Pool.Dispose();
        Scans.Dispose();
    }

    private static OcrOptions PoolOptions(TesseractEnginePool pool) => pool.Options;
}
