using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Ocr;

/// <summary>For <c>contactcenter channels check</c>: loads Tesseract and every configured language once, as the service would.</summary>
public static class OcrProbe
{
    /// <summary>Throws with what to install when a library or language is missing.</summary>
    public static string Check(IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        var options = configuration.GetSection(OcrOptions.SectionName).Get<OcrOptions>() ?? new OcrOptions();
        options.EngineCount = 1;
        using var pool = new TesseractEnginePool(Microsoft.Extensions.Options.Options.Create(options), loggerFactory.CreateLogger<TesseractEnginePool>());
        var version = pool.EnsureAvailable();
        return $"Tesseract {version} loaded with {options.Languages} from {options.TessdataPath}";
    }
}
