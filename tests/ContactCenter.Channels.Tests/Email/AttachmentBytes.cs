using ContactCenter.Channels.Email;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>An attachment's bytes as a read serves them: decoded from its slice of the original and checked, or from the archive.</summary>
internal static class AttachmentBytes
{
    public static byte[] Read(IContentArchive archive, TicketAttachment attachment)
    {
        using var stream = OriginalSliceReader.OpenRead(archive, attachment);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
