using ContactCenter.WebForm.Tests.TestSupport;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ContactCenter.WebForm.Tests.Browser;

/// <summary>axe-core (WCAG 2.1 A and AA rules) on every page a citizen sees: no serious or critical violation.</summary>
public sealed class AccessibilityTests : IAsyncLifetime
{
    private WebFormHost host = null!;
    private TestSupport.Browser browser = null!;

    public async Task InitializeAsync()
    {
        host = await WebFormHost.StartAsync();
        browser = await TestSupport.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task EveryPage_AxeWcag21AA_NoSeriousViolations()
    {
        var page = await browser.NewPageAsync("10.2.0.1");
        await page.GotoAsync(host.FormUrl.ToString());
        await AssertAccessibleAsync(page, "form");

        await Task.Delay(1100);
        await page.ClickAsync("button[type=submit]");
        (await page.Locator("#riepilogo-errori").CountAsync()).Should().Be(1);
        await AssertAccessibleAsync(page, "form with errors");

        await page.FillAsync("#nome", "Carla");
        await page.FillAsync("#cognome", "Fontana");
        await page.FillAsync("#email", "carla.fontana@example.it");
        await page.SelectOptionAsync("#argomento", "altro");
        await page.FillAsync("#oggetto", "Informazioni");
        await page.FillAsync("#testo", "Vorrei informazioni sul piano di emergenza comunale.");
        await page.CheckAsync("#consenso");
        await page.ClickAsync("button[type=submit]");
        var number = (await page.TextContentAsync("#numero-richiesta"))!.Trim();
        await AssertAccessibleAsync(page, "confirmation");

        await page.ClickAsync("#link-segui");
        (await page.TextContentAsync("#stato")).Should().Be("ricevuta");
        await AssertAccessibleAsync(page, "tracking status");

        await page.GotoAsync(host.FormUrl + "segui");
        await page.FillAsync("#numero", number);
        await page.FillAsync("#email", "qualcun.altro@example.it");
        await page.ClickAsync("button[type=submit]");
        (await page.TextContentAsync("#esito-ricerca")).Should().Contain("Nessuna richiesta corrisponde");
        await AssertAccessibleAsync(page, "tracking not found");

        await page.GotoAsync(host.FormUrl + "privacy");
        await AssertAccessibleAsync(page, "privacy notice");
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        serious.Should().BeEmpty($"the {what} page must pass axe-core");
        result.Passes.Should().NotBeEmpty("axe ran its rules");
    }
}
