using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Routes LibTiff.NET's messages into the log. Its handler is one per process and writes to <c>Console.Error</c> by
/// default, outside the log's format and levels (a malformed fax from any sender would print there); this handler
/// logs each message with its file and an event id. A corrupt TIFF is still judged by the reader, not here.
/// </summary>
internal sealed class LibTiffMessages : TiffErrorHandler
{
    private static readonly Lock Gate = new();
    private static LibTiffMessages? installed;
    private volatile ILogger logger;

    private LibTiffMessages(ILogger logger) => this.logger = logger;

    /// <summary>Installs the handler once per process; a later call only changes the logger it writes to.</summary>
    public static void Route(ILogger logger)
    {
        lock (Gate)
        {
            if (installed is null)
            {
                installed = new LibTiffMessages(logger);
                Tiff.SetErrorHandler(installed);
            }
            else
            {
                installed.logger = logger;
            }
        }
    }

    public override void WarningHandler(Tiff tif, string method, string format, params object[] args) =>
        LibTiffLog.Warning(logger, FileOf(tif), method ?? "", Format(format, args));

    public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
        LibTiffLog.Error(logger, FileOf(tif), method ?? "", Format(format, args));

    private static string FileOf(Tiff? tif) => tif?.FileName() ?? "";

    private static string Format(string format, object[] args)
    {
        try
        {
            return args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
        }
        catch (FormatException)
        {
            return format + " " + string.Join(' ', args);
        }
    }
}
