using System.Runtime.InteropServices;

namespace ContactCenter.Testing;

/// <summary>Directory entries that are not regular files, as a careless admin or a local attacker leaves them in a folder.</summary>
public static partial class HostileFiles
{
    /// <summary>A real FIFO (named pipe): opening it for reading blocks until a writer comes.</summary>
    public static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (MkFifo(path, Convert.ToInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>A file outside the channel's folder with a link to it inside: what must never become a ticket.</summary>
    public static string LinkToOutsideFile(string folder, string linkName, string outsideDirectory, byte[] content)
    {
        Directory.CreateDirectory(outsideDirectory);
        var secret = Path.Combine(outsideDirectory, "secret-" + linkName);
        File.WriteAllBytes(secret, content);
        Directory.CreateDirectory(folder);
        File.CreateSymbolicLink(Path.Combine(folder, linkName), secret);
        return secret;
    }

    [LibraryImport("libc.so.6", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, int mode);
}
