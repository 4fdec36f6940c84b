using System.Buffers;
using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using MimeKit;
using MimeKit.IO;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Reads an attachment kept inside its message's archived original (<see cref="TicketAttachment.InOriginal"/>) by
/// decoding its slice of the original, as the normaliser did when it recorded the attachment's hash; any other
/// attachment straight from the archive.
/// </summary>
internal static class OriginalSliceReader
{
    private const int InMemoryLimit = 1024 * 1024;

    /// <summary>
    /// The attachment's bytes. A slice is decoded whole into memory or a private temporary file and checked against the
    /// attachment's hash before anything is returned: a damaged original fails here (<see cref="InvalidDataException"/>), not
    /// halfway through a download, and the result can seek (a download can resume from where it broke).
    /// </summary>
    public static Stream OpenRead(IContentArchive archive, TicketAttachment file)
    {
        if (file.InOriginal is not { } slice)
        {
            return archive.OpenRead(file.Sha256);
        }

        using var original = archive.OpenRead(slice.Sha256);
        using var decoded = Open(original, file.Sha256, slice);
        Stream spool = file.Size <= InMemoryLimit ? new MemoryStream() : TemporaryFile();
        try
        {
            var actual = Copy(decoded, spool);
            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                // The hashes, not the file's name: a name can name a person, and this message reaches the log.
                throw new InvalidDataException($"Attachment {file.Sha256.ToLowerInvariant()} decodes from original {slice.Sha256} to bytes hashing to {actual}: the original in the archive is damaged.");
            }

            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What a slice decodes to, hashed as it is read and not kept (<c>store verify</c>): equal to the attachment's
    /// <see cref="TicketAttachment.Sha256"/> when both its original and its record are sound.
    /// </summary>
    public static string HashOf(IContentArchive archive, string sha256, OriginalSlice slice)
    {
        using var original = archive.OpenRead(slice.Sha256);
        return HashOf(original, sha256, slice);
    }

    /// <summary>The same from an original already open (seekable; left open), so its slices share one read of it.</summary>
    public static string HashOf(Stream original, string sha256, OriginalSlice slice)
    {
        using var decoded = Open(original, sha256, slice);
        return Copy(decoded, Stream.Null);
    }

    private static Stream Open(Stream original, string sha256, OriginalSlice slice) =>
        Enum.TryParse<ContentEncoding>(slice.Encoding, ignoreCase: false, out var encoding) && slice.Start >= 0 && slice.End >= slice.Start
            ? Open(original, slice.Start, slice.End, encoding)
            : throw new InvalidDataException(
                $"Attachment {sha256} names a slice of original {slice.Sha256} this version cannot read ({slice.Encoding}, {slice.Start}-{slice.End}).");

    /// <summary>
    /// The slice of the original a parsed part's content still is: the parser (persistent) left it as a range of
    /// <paramref name="source"/>, which starts <paramref name="skip"/> bytes into <paramref name="original"/>.
    /// </summary>
    public static OriginalSlice? SliceOf(IMimeContent? content, Stream source, long skip, TicketAttachment original) =>
        content?.Stream is BoundStream { EndBoundary: >= 0 } bound && ReferenceEquals(bound.BaseStream, source)
            ? Slice(original, new ByteRange(bound.StartBoundary + skip, bound.EndBoundary + skip), content.Encoding)
            : null;

    public static OriginalSlice Slice(TicketAttachment original, ByteRange range, ContentEncoding encoding) =>
        new() { Sha256 = original.Sha256, Start = range.Start, End = range.End, Encoding = encoding.ToString() };

    /// <summary>
    /// The bytes [start, end) of a seekable stream, decoded as MimeKit decodes a part's content. The result does not
    /// close <paramref name="stream"/> (MimeKit's decoding stream leaves its source open): the caller does.
    /// </summary>
    public static Stream Open(Stream stream, long start, long end, ContentEncoding encoding) =>
        new MimeContent(new BoundStream(stream, start, end, leaveOpen: true), encoding).Open();

    /// <returns>The SHA-256 of the bytes copied.</returns>
    private static string Copy(Stream content, Stream target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                target.Write(buffer, 0, read);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileStream TemporaryFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.DeleteOnClose, BufferSize = 81920 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"cc-attachment-{Guid.NewGuid():N}.tmp"), options);
    }
}
