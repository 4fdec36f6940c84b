using System.Globalization;
using ContactCenter.Channels.Files;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Postal;

/// <summary>Makes the inbound item of a stable scanned file.</summary>
internal static class ScanFolderItemFactory
{
    public static InboundItem Create(string channel, ScanFolderChannelOptions options, ScanFile file, string sha256, SourceFileRules rules)
    {
        var metadata = new Dictionary<string, string>
        {
            ["relativePath"] = file.RelativeDirectory.Length == 0 ? file.Name : $"{file.RelativeDirectory}/{file.Name}",
            [PaperMetadataKeys.SplitOnBlankPages] = options.SplitOnBlankPages ? "true" : "false",
            [PaperMetadataKeys.MaxBytes] = options.MaxFileBytes.ToString(CultureInfo.InvariantCulture),
        };
        if (options.SubfolderAsCategoryHint && file.RelativeDirectory.Length > 0)
        {
            metadata[PaperMetadataKeys.CategoryHint] = file.RelativeDirectory;
        }

        if (!string.IsNullOrWhiteSpace(options.SeparatorText))
        {
            metadata[PaperMetadataKeys.SeparatorText] = options.SeparatorText;
        }

        var path = file.FullPath;
        return new InboundItem
        {
            SourceKey = $"file:{channel}/{sha256}",
            ChannelName = channel,
            Channel = ChannelKind.Postal,
            ReceivedAt = new DateTimeOffset(file.LastWriteUtc, TimeSpan.Zero),
            OpenAsync = _ => ValueTask.FromResult(SourceFiles.OpenRead(path, rules)),
            Length = file.Size,
            OriginalFileName = file.Name,
            OriginalContentType = PaperContentTypes.FromFileName(file.Name) ?? "application/octet-stream",
            Metadata = metadata,
            SourceState = file,
        };
    }
}
