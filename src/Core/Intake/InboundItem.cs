using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Intake;

/// <summary>
/// One pending item of a source (a message on a server, a file in a folder). It knows how to open its original
/// bytes and carries a stable <see cref="SourceKey"/>; it knows nothing about tickets.
/// </summary>
public sealed class InboundItem
{
    /// <summary>Stable identity, e.g. <c>imap:{account}/{folder}/{uidvalidity}/{uid}</c> or <c>file:{channel}/{sha256}</c>.</summary>
    public required string SourceKey { get; init; }

    public required string ChannelName { get; init; }

    public required ChannelKind Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Opens the original bytes; every call returns a new stream positioned at the start.</summary>
    public required Func<CancellationToken, ValueTask<Stream>> OpenAsync { get; init; }

    /// <summary>Size of the original in bytes, when the source knows it before opening.</summary>
    public long? Length { get; init; }

    /// <summary>A file name for the archived original, e.g. <c>message.eml</c> or <c>fax000123.tif</c>.</summary>
    public string OriginalFileName { get; init; } = "original.bin";

    public string OriginalContentType { get; init; } = "application/octet-stream";

    /// <summary>Channel metadata: fax TSI and caller id, folder category hint, server UID, ...</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Opaque state the source needs to acknowledge or reject the item (an IMAP UID, a file path).</summary>
    public object? SourceState { get; init; }
}
