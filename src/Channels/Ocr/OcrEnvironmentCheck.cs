using System.Runtime.InteropServices;
using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Ocr;

/// <summary>Turns a missing library or language file into a message that says what to install where.</summary>
internal static class OcrEnvironmentCheck
{
    private static string? version;

    /// <summary>Loads libtesseract and Leptonica (through the resolver) and returns Tesseract's version.</summary>
    public static string LoadLibraries()
    {
        if (version is not null)
        {
            return version;
        }

        try
        {
            version = Marshal.PtrToStringUTF8(TesseractApi.TessVersion()) ?? "unknown";
        }
        catch (DllNotFoundException ex)
        {
            throw Missing("libtesseract", TesseractApi.Library, "ContactCenter:Ocr:TesseractLibrary", ex);
        }

        try
        {
            LeptonicaApi.setMsgSeverity(LeptonicaApi.SeverityNone);
        }
        catch (DllNotFoundException ex)
        {
            throw Missing("Leptonica", LeptonicaApi.Library, "ContactCenter:Ocr:LeptonicaLibrary", ex);
        }

        return version;
    }

    public static void RequireLanguages(string tessdataPath, string languages)
    {
        foreach (var language in languages.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = Path.Combine(tessdataPath, language + ".traineddata");
            if (!File.Exists(file))
            {
                throw new OcrUnavailableException(
                    $"tesseract-ocr-{language}: {language}.traineddata not found in {tessdataPath} " +
                    $"(install the package tesseract-ocr-{language}, or copy the file there, or set ContactCenter:Ocr:TessdataPath / ContactCenter:Ocr:Languages).");
            }
        }
    }

    private static OcrUnavailableException Missing(string what, string logicalName, string key, Exception inner) =>
        new(
            $"{what} could not be loaded (tried {string.Join(", ", OcrLibraryResolver.Candidates(logicalName))}). " +
            "Install tesseract-ocr (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd); " +
            $"on Windows install Tesseract 5 (UB Mannheim build) into {OcrLibraryNames.WindowsInstallFolder} or put its DLLs " +
            $"(libtesseract-5.dll, libleptonica-6.dll and their dependencies) next to contactcenter.exe; or set {key} to the library's path.",
            inner);
}
