using System.Reflection;
using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>
/// Maps the logical names "tesseract" and "lept" to the installed libraries: the configured name or path first,
/// then the usual names on Linux (Debian ships only the versioned .so.5 without -dev packages), Windows and macOS.
/// </summary>
internal static class OcrLibraryResolver
{
    private static readonly Lock Gate = new();
    private static string? configuredTesseract;
    private static string? configuredLeptonica;
    private static bool registered;

    /// <summary>Installs the resolver once per process; later calls only update the configured names.</summary>
    public static void Register(string? tesseractLibrary, string? leptonicaLibrary)
    {
        lock (Gate)
        {
            configuredTesseract = string.IsNullOrWhiteSpace(tesseractLibrary) ? null : tesseractLibrary;
            configuredLeptonica = string.IsNullOrWhiteSpace(leptonicaLibrary) ? null : leptonicaLibrary;
            if (registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(OcrLibraryResolver).Assembly, Resolve);
            registered = true;
        }
    }

    /// <summary>The names tried for a logical library, in order (also shown in the "not found" message).</summary>
    public static IReadOnlyList<string> Candidates(string logicalName)
    {
        var configured = logicalName == TesseractApi.Library ? configuredTesseract : configuredLeptonica;
        var defaults = logicalName == TesseractApi.Library ? OcrLibraryNames.Tesseract() : OcrLibraryNames.Leptonica();
        return configured is null ? defaults : [configured, .. defaults];
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != TesseractApi.Library && libraryName != LeptonicaApi.Library)
        {
            return IntPtr.Zero;
        }

        if (libraryName == TesseractApi.Library)
        {
            OpenMpThreadLimit.Apply();
        }

        foreach (var candidate in Candidates(libraryName))
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
