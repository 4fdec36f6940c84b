using System.ComponentModel;
using System.Diagnostics;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Runs one of poppler's command-line tools on a PDF in its own process, with a time limit and a cap on what it may
/// write. A hostile PDF can only make that process fail (a crash, a stack overflow, a hang): the item is refused
/// with the reason, and the service goes on. Read in process, a page tree nested 35,000 levels deep overflowed
/// PdfPig's stack, which .NET cannot catch: the whole service died, and died again on the same file at restart.
/// </summary>
internal static class PopplerTool
{
    /// <summary>
    /// The tool's standard output and the first lines of what it said on standard error (poppler reports damage it
    /// worked around there); <see cref="InboundItemRejectedException"/> when it fails, runs too long or writes too much.
    /// </summary>
    public static async Task<(byte[] Output, string Errors)> RunAsync(
        string executable, IEnumerable<string> arguments, TimeSpan timeout, long maxOutputBytes, string what, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(start, executable);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var output = new MemoryStream();
        var copy = CopyAsync(process.StandardOutput.BaseStream, output, maxOutputBytes, limit);
        var errors = ReadErrorsAsync(process.StandardError, limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await copy.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InboundItemRejectedException(output.Length > maxOutputBytes
                ? $"{what}: {Path.GetFileName(executable)} wrote more than {maxOutputBytes:N0} bytes"
                : $"{what}: {Path.GetFileName(executable)} took longer than {timeout} ({OcrOptions.SectionName}:RasterizeTimeout)");
        }

        var message = await errors.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InboundItemRejectedException($"{what} (exit {process.ExitCode}): {message}");
        }

        return (output.ToArray(), message);
    }

    /// <summary>Copies until the end, or cancels the run once past <paramref name="maxBytes"/>.</summary>
    private static async Task CopyAsync(Stream from, MemoryStream to, long maxBytes, CancellationTokenSource limit)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, limit.Token).ConfigureAwait(false)) > 0)
        {
            to.Write(buffer, 0, read);
            if (to.Length > maxBytes)
            {
                await limit.CancelAsync().ConfigureAwait(false);
                limit.Token.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>The first lines of what the tool said (a reason, not a dump: a hostile file can make it say a lot).</summary>
    private static async Task<string> ReadErrorsAsync(StreamReader errors, CancellationToken cancellationToken)
    {
        var text = await errors.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3);
        var joined = string.Join(" / ", lines);
        return joined.Length > 500 ? joined[..500] + "…" : joined;
    }

    private static Process Start(ProcessStartInfo start, string executable)
    {
        try
        {
            return Process.Start(start) ?? throw new OcrUnavailableException($"{executable} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new OcrUnavailableException(
                $"{executable} not found: install poppler-utils (Windows: poppler's bin folder on the PATH) or set {OcrOptions.SectionName}:PdfToPpmPath.", ex);
        }
    }
}
