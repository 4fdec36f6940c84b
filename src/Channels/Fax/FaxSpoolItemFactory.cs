using System.Globalization;
using ContactCenter.Channels.Files;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

/// <summary>Makes the inbound item of a received fax: sender from a sidecar file first, then the TIFF's own tags.</summary>
internal static class FaxSpoolItemFactory
{
    public static InboundItem Create(
        string channel, FaxSpoolChannelOptions options, FaxSpoolFile file, string sha256, TimeZoneInfo serverTimeZone, SourceFileRules rules, ILogger logger)
    {
        var info = FaxSidecarReader.Read(file.FullPath, serverTimeZone, rules).Or(ReadTags(file, serverTimeZone, rules, logger));
        var metadata = new Dictionary<string, string>
        {
            [PaperMetadataKeys.SpoolFile] = file.Name,
            [PaperMetadataKeys.MaxBytes] = options.MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        };
        info.Sender.AddTo(metadata);
        var path = file.FullPath;
        return new InboundItem
        {
            SourceKey = $"file:{channel}/{sha256}",
            ChannelName = channel,
            Channel = ChannelKind.Fax,
            ReceivedAt = info.ReceivedAt ?? new DateTimeOffset(file.LastWriteUtc, TimeSpan.Zero),
            OpenAsync = _ => ValueTask.FromResult(SourceFiles.OpenRead(path, rules)),
            Length = file.Size,
            OriginalFileName = file.Name,
            OriginalContentType = PaperContentTypes.Tiff,
            Metadata = metadata,
            SourceState = file,
        };
    }

    /// <summary>The SHA-256 a fax's source key was made from; null for an item not made here (a refused file).</summary>
    public static string? Sha256Of(InboundItem item)
    {
        var sha256 = item.SourceKey[(item.SourceKey.LastIndexOf('/') + 1)..];
        return item.SourceKey == $"file:{item.ChannelName}/{sha256}" && sha256.Length == 64 ? sha256 : null;
    }

    private static FaxImageInfo ReadTags(FaxSpoolFile file, TimeZoneInfo serverTimeZone, SourceFileRules rules, ILogger logger)
    {
        try
        {
            using var stream = SourceFiles.OpenRead(file.FullPath, rules);
            return FaxTiffTagReader.Read(stream, serverTimeZone);
        }
        catch (Exception ex)
        {
            // Whatever reading the tags throws (the file gone or locked, a read that timed out, a file nobody foresaw)
            // is this file's problem: it still becomes an item, which the OCR reader judges and quarantines with the
            // reason. Out of the poll, the error failed every later poll of the spool on the same file.
            FaxSpoolLog.TagsUnreadable(logger, file.Name, ex.Message);
            return FaxImageInfo.Unknown;
        }
    }
}
