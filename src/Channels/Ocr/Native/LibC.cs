using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>libc's environment: .NET's Environment.SetEnvironmentVariable does not reach native getenv on Unix.</summary>
internal static partial class LibC
{
    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
