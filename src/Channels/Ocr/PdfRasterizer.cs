using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Renders one PDF page to PNG with poppler's pdftoppm, in its own process with a time limit. The page comes back on
/// pdftoppm's standard output, never through a file: on a full disk pdftoppm exited 0 with the file cut short, or died
/// in libpng, and a page that never touches the disk cannot be cut by it.
/// </summary>
internal sealed class PdfRasterizer(OcrOptions options)
{
    public async Task<byte[]> RenderAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.PdfToPpmPath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-r", Invariant(options.PdfRasterDpi), "-f", Invariant(pageNumber), "-l", Invariant(pageNumber), "-png", "-singlefile", pdfPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(start);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RasterizeTimeout);
        using var png = new MemoryStream();
        var output = process.StandardOutput.BaseStream.CopyToAsync(png, timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await output.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InboundItemRejectedException(
                $"PDF page {pageNumber}: rendering took longer than {OcrOptions.SectionName}:RasterizeTimeout ({options.RasterizeTimeout})");
        }

        if (process.ExitCode != 0 || png.Length == 0)
        {
            var message = (await errors.ConfigureAwait(false)).Trim();
            throw new InboundItemRejectedException($"PDF page {pageNumber} cannot be rendered (pdftoppm exit {process.ExitCode}): {message}");
        }

        return png.ToArray();
    }

    private Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new OcrUnavailableException($"{options.PdfToPpmPath} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new OcrUnavailableException(
                $"{options.PdfToPpmPath} not found: install poppler-utils (Windows: poppler's bin folder on the PATH) or set {OcrOptions.SectionName}:PdfToPpmPath.", ex);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
