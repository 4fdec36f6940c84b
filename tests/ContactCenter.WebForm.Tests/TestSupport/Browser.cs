using ContactCenter.Testing;
using Microsoft.Playwright;

namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET: its Node driver ships in the NuGet package, the browser is the
/// system's (<see cref="HeadlessChromium.Executable"/>, same flags), so nothing is downloaded.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HeadlessChromium.Executable,
            Headless = true,
            Args = HeadlessChromium.Flags,
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh page (own cookies) whose requests come from <paramref name="clientAddress"/> through the trusted proxy.</summary>
    public async Task<IPage> NewPageAsync(string clientAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "it-IT",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = clientAddress },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
