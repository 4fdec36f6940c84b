using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Files;

/// <summary>
/// The item of an entry a file channel will not read (a FIFO, a device, a link it may not follow, a file it cannot
/// read): its bytes are never opened, so the pipeline quarantines it with the reason and the source moves it aside,
/// while the rest of the folder flows. Keyed by path and modification time, since there is no content to hash.
/// </summary>
internal static class RefusedFileItem
{
    public const string ReasonMetadataKey = "file.refused";

    public static InboundItem Create(
        string keyPrefix, string channelName, ChannelKind channel, string path, string reason, string contentType, object sourceState)
    {
        var modified = ModifiedUtc(path);
        var identity = string.Create(CultureInfo.InvariantCulture, $"{path}\n{modified.Ticks}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return new InboundItem
        {
            SourceKey = $"{keyPrefix}/refused/{hash}",
            ChannelName = channelName,
            Channel = channel,
            ReceivedAt = new DateTimeOffset(modified, TimeSpan.Zero),
            OpenAsync = _ => throw new InboundItemRejectedException(reason),
            Length = 0,
            OriginalFileName = Path.GetFileName(path),
            OriginalContentType = contentType,
            SourceState = sourceState,
            Metadata = new Dictionary<string, string> { [ReasonMetadataKey] = reason },
        };
    }

    public static bool IsRefused(InboundItem item) => item.Metadata.ContainsKey(ReasonMetadataKey);

    private static DateTime ModifiedUtc(string path)
    {
        try
        {
            // The entry's own time: a link's, not its target's.
            return SourceFiles.LastWriteUtc(new FileInfo(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DateTime.UnixEpoch;
        }
    }
}
