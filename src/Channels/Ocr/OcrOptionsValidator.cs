using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Ocr;

internal sealed class OcrOptionsValidator : IValidateOptions<OcrOptions>
{
    public ValidateOptionsResult Validate(string? name, OcrOptions options)
    {
        var errors = new List<string>();
        void Require(bool ok, string key, string rule)
        {
            if (!ok)
            {
                errors.Add($"{OcrOptions.SectionName}:{key} {rule}.");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.TessdataPath), nameof(options.TessdataPath), "is required");
        Require(
            !string.IsNullOrWhiteSpace(options.Languages) && options.Languages.Split('+').All(l => l.Length > 0 && l.All(IsLanguageChar)),
            nameof(options.Languages),
            "must be Tesseract language codes joined by '+', e.g. \"ita+eng\"");
        Require(Enum.IsDefined(options.PageSegMode), nameof(options.PageSegMode), "is not a supported mode");
        Require(options.EngineCount is >= 1 and <= 64, nameof(options.EngineCount), "must be between 1 and 64");
        Require(options.MaxFileBytes > 0, nameof(options.MaxFileBytes), "must be positive");
        Require(options.MaxPages >= 1, nameof(options.MaxPages), "must be at least 1");
        Require(options.MaxPixelsPerPage >= 1_000_000, nameof(options.MaxPixelsPerPage), "must be at least 1000000");
        Require(options.MaxOcrTimePerPage > TimeSpan.Zero && options.MaxOcrTimePerPage.TotalMilliseconds < int.MaxValue, nameof(options.MaxOcrTimePerPage), "must be positive and under 24 days");
        Require(options.MinConfidence is >= 0 and <= 100, nameof(options.MinConfidence), "must be between 0 and 100");
        Require(options.OrientationRetryConfidence is >= 0 and <= 100, nameof(options.OrientationRetryConfidence), "must be between 0 and 100");
        Require(options.UpsampleBelowDpi is >= 0 and <= 1200, nameof(options.UpsampleBelowDpi), "must be between 0 and 1200");
        Require(options.MaxDpi is >= 150 and <= 1200, nameof(options.MaxDpi), "must be between 150 and 1200");
        Require(options.FallbackDpi is >= 50 and <= 1200, nameof(options.FallbackDpi), "must be between 50 and 1200");
        Require(options.PdfRasterDpi is >= 72 and <= 600, nameof(options.PdfRasterDpi), "must be between 72 and 600");
        Require(options.BlankPageInkRatio is >= 0 and < 1, nameof(options.BlankPageInkRatio), "must be between 0 and 1");
        Require(options.MinTextLayerLetters >= 1, nameof(options.MinTextLayerLetters), "must be at least 1");
        Require(!string.IsNullOrWhiteSpace(options.PdfToPpmPath), nameof(options.PdfToPpmPath), "is required");
        Require(options.RasterizeTimeout > TimeSpan.Zero, nameof(options.RasterizeTimeout), "must be positive");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLanguageChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
