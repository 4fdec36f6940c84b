using ContactCenter.Channels.Ocr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// The channels' configuration errors and, when a paper channel (scans, faxes) is enabled and the command reads paper
/// (<see cref="ChannelStartupChecks"/>), whether the OCR engine and its languages load: a missing package stops the
/// start with what to install, not the first letter.
/// </summary>
internal sealed class ChannelSetValidator(ChannelCatalog catalog, IServiceProvider services) : IValidateOptions<ChannelSetOptions>
{
    private static readonly HashSet<string> PaperTypes = new(StringComparer.OrdinalIgnoreCase) { "ScanFolder", "FaxSpool", "FaxMail" };

    public ValidateOptionsResult Validate(string? name, ChannelSetOptions options)
    {
        var errors = catalog.Errors.ToList();
        var paper = catalog.Channels.Where(c => PaperTypes.Contains(c.Factory.Type)).Select(c => c.Name).ToList();
        if (paper.Count > 0 && (services.GetService<ChannelStartupChecks>()?.LoadOcr ?? true) && services.GetService<TesseractEnginePool>() is { } ocr)
        {
            try
            {
                ocr.EnsureAvailable();
            }
            catch (Exception ex)
            {
                errors.Add($"{OcrOptions.SectionName}: {ex.Message} (needed by channel {string.Join(", ", paper)})");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
