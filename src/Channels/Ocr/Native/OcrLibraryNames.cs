namespace ContactCenter.Channels.Ocr.Native;

/// <summary>Where Tesseract 5 and Leptonica are usually found on each platform.</summary>
internal static class OcrLibraryNames
{
    /// <summary>The UB Mannheim installer's folder, the usual Tesseract build on Windows.</summary>
    public const string WindowsInstallFolder = @"C:\Program Files\Tesseract-OCR";

    public static IReadOnlyList<string> Tesseract()
    {
        if (OperatingSystem.IsWindows())
        {
            string[] names = ["libtesseract-5.dll", "tesseract53.dll", "tesseract54.dll", "tesseract55.dll", "tesseract50.dll", "tesseract.dll"];
            return [.. names, .. names.Select(n => Path.Combine(WindowsInstallFolder, n))];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["libtesseract.5.dylib", "libtesseract.dylib", "/opt/homebrew/lib/libtesseract.5.dylib", "/usr/local/lib/libtesseract.5.dylib"];
        }

        return ["libtesseract.so.5", "libtesseract.so"];
    }

    public static IReadOnlyList<string> Leptonica()
    {
        if (OperatingSystem.IsWindows())
        {
            string[] names = ["libleptonica-6.dll", "leptonica-1.82.0.dll", "leptonica-1.83.1.dll", "leptonica-1.84.1.dll", "leptonica-1.85.0.dll", "liblept-5.dll", "leptonica.dll"];
            return [.. names, .. names.Select(n => Path.Combine(WindowsInstallFolder, n))];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["libleptonica.6.dylib", "liblept.5.dylib", "libleptonica.dylib", "/opt/homebrew/lib/libleptonica.6.dylib", "/usr/local/lib/libleptonica.6.dylib"];
        }

        return ["liblept.so.5", "libleptonica.so.6", "liblept.so", "libleptonica.so"];
    }
}
