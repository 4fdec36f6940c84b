using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.Ocr;

/// <summary>Renders one PDF page to PNG with poppler's pdftoppm, in its own process with a time limit.</summary>
internal sealed class PdfRasterizer(OcrOptions options)
{
    public async Task<byte[]> RenderAsync(string pdfPath, int pageNumber, string workFolder, CancellationToken cancellationToken)
    {
        var outputBase = Path.Combine(workFolder, $"page-{pageNumber}");
        var start = new ProcessStartInfo(options.PdfToPpmPath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
        };
        foreach (var argument in new[] { "-r", Invariant(options.PdfRasterDpi), "-f", Invariant(pageNumber), "-l", Invariant(pageNumber), "-png", "-singlefile", pdfPath, outputBase })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(start);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RasterizeTimeout);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InboundItemRejectedException(
                $"PDF page {pageNumber}: rendering took longer than {OcrOptions.SectionName}:RasterizeTimeout ({options.RasterizeTimeout})");
        }

        var output = outputBase + ".png";
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            var message = (await errors.ConfigureAwait(false)).Trim();
            // On a full disk pdftoppm dies in libpng ("libpng error: Write Error", exit 139): the machine's fault, not the PDF's.
            throw message.Contains("Write Error", StringComparison.OrdinalIgnoreCase) || message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
                ? new StorageUnavailableException($"PDF page {pageNumber}: the OCR work folder {workFolder} could not hold its rendering (pdftoppm exit {process.ExitCode}): {message}",
                    new IOException(message))
                : new InboundItemRejectedException($"PDF page {pageNumber} cannot be rendered (pdftoppm exit {process.ExitCode}): {message}");
        }

        var png = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        File.Delete(output);
        return PngFile.IsComplete(png)
            ? png
            : throw new StorageUnavailableException(
                $"PDF page {pageNumber}: the rendering in {workFolder} was cut short at {png.Length} bytes (a full disk under the OCR work folder?)",
                new IOException("the PNG ends before its IEND chunk"));
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
