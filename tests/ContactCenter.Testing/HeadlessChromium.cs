namespace ContactCenter.Testing;

/// <summary>Debian's Chromium, headless, for rendering pages the project writes (screenshots, DOM after layout).</summary>
public static class HeadlessChromium
{
    public static string Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium not found: scripts/test.sh installs Debian's chromium package.");

    /// <summary>The flags every run uses (also for Playwright's launch): no sandbox, GPU, network chatter or first-run UI.</summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<string> DumpDomAsync(string url, CancellationToken cancellationToken = default) =>
        RunAsync(["--dump-dom", url], cancellationToken);

    public static async Task ScreenshotAsync(string url, string pngPath, CancellationToken cancellationToken = default) =>
        await RunAsync([$"--screenshot={pngPath}", "--window-size=1200,1800", url], cancellationToken);

    private static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var profile = new TempDirectory("cc-chromium");
        string[] flags = ["--headless", .. Flags, $"--user-data-dir={profile.Path}"];
        var run = await ProcessRunner.RunAsync(Executable, [.. flags, .. arguments], TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {run.ExitCode}: {run.StandardError}");
        }

        return run.StandardOutput;
    }
}
