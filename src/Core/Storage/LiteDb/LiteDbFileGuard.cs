using System.Text;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// LiteDB 5.0.15+ may overwrite or truncate a file that is not a LiteDB data file (LiteDB issue 2820), so an existing,
/// non-empty file is opened only if its first page carries LiteDB's header. In LiteDB 5 (HeaderPage.cs) the 27 ASCII
/// bytes "** This is a LiteDB file **" sit at offset 32 (P_HEADER_INFO), after the 32-byte page header, followed by
/// the file version (8) at offset 59; LiteDB 4 files used the same position.
/// </summary>
internal static class LiteDbFileGuard
{
    public const int HeaderInfoOffset = 32;

    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Throws <see cref="InvalidDataException"/> naming the path when the file must not be opened.</summary>
    public static void EnsureOpenable(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        var buffer = new byte[HeaderInfoOffset + HeaderInfo.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        if (read < buffer.Length || !buffer.AsSpan(HeaderInfoOffset).SequenceEqual(HeaderInfo))
        {
            throw new InvalidDataException(
                $"The ticket store file '{info.FullName}' exists but is not a LiteDB data file; refusing to open it " +
                "because LiteDB could overwrite it. Move the file away or set ContactCenter:Store:DatabasePath to another path.");
        }
    }
}
