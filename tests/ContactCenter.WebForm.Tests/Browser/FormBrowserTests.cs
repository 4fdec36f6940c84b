using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.WebForm.Tests.TestSupport;
using Microsoft.Playwright;

namespace ContactCenter.WebForm.Tests.Browser;

/// <summary>The form in real Chromium against the running service: a citizen's whole way, by mouse and by keyboard.</summary>
public sealed class FormBrowserTests : IAsyncLifetime
{
    private readonly TempDirectory files = new("cc-webform-files");
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
        files.Dispose();
    }

    [Fact]
    public async Task Form_FilledWithAttachment_TicketStoredReceiptSentWithTrackingLink_TrackingPageShowsIt()
    {
        var page = await browser.NewPageAsync("10.1.0.1");
        await page.GotoAsync(host.FormUrl.ToString());
        await page.FillAsync("#nome", "Maria");
        await page.FillAsync("#cognome", "Esposito");
        await page.FillAsync("#email", "maria.esposito@example.it");
        await page.FillAsync("#telefono", "+39 333 1234567");
        await page.FillAsync("#codice_fiscale", "RSSMRA80A01H501U");
        await page.SelectOptionAsync("#argomento", "contributi e rimborsi");
        await page.FillAsync("#oggetto", "Rimborso danni grandinata");
        await page.FillAsync("#testo", "Buongiorno,\nallego la perizia dei danni subiti dalla mia auto durante la grandinata del 12 novembre.");
        var pdf = TestFiles.WritePdf(files.Path);
        await page.SetInputFilesAsync("#allegati", pdf);
        await page.CheckAsync("#consenso");
        await Task.Delay(1100);
        await page.ClickAsync("button[type=submit]");

        var number = (await page.TextContentAsync("#numero-richiesta"))!.Trim();
        number.Should().MatchRegex(@"^PC-\d{4}-\d{6}$");
        (await page.TitleAsync()).Should().StartWith("Richiesta registrata");

        var ticket = await host.Store.GetAsync(number, CancellationToken.None);
        ticket!.Channel.Should().Be(ChannelKind.WebForm);
        ticket.Subject.Should().Be("Rimborso danni grandinata");
        var attachment = ticket.Attachments.Should().ContainSingle().Subject;
        attachment.FileName.Should().Be("perizia.pdf");
        using (var archived = host.Archive.OpenRead(attachment.Sha256))
        using (var copy = new MemoryStream())
        {
            await archived.CopyToAsync(copy);
            copy.ToArray().Should().Equal(await File.ReadAllBytesAsync(pdf));
        }

        var receipt = await host.WaitForReceiptAsync("maria.esposito@example.it", TimeSpan.FromSeconds(60));
        receipt.Message.Subject.Should().Contain(number);
        var link = System.Text.RegularExpressions.Regex.Match(receipt.Message.TextBody ?? "", @"http://\S+/segui/\S+").Value;
        link.Should().StartWith(host.FormUrl + "segui/" + number + "?t=");
        receipt.Message.HtmlBody.Should().Contain($"href=\"{link}\"");

        await page.GotoAsync(link);
        (await page.TextContentAsync("h1")).Should().Be($"Richiesta {number}");
        (await page.TextContentAsync("#stato")).Should().Be("ricevuta");
        (await page.TextContentAsync("#scadenza")).Should().NotBeNullOrWhiteSpace();
        (await page.ContentAsync()).Should().NotContain("Esposito").And.NotContain("grandinata");
    }

    [Fact]
    public async Task Form_KeyboardOnly_SubmittedWithVisibleFocus()
    {
        var page = await browser.NewPageAsync("10.1.0.2");
        await page.GotoAsync(host.FormUrl.ToString());
        async Task TypeInto(string id, string text)
        {
            await TabToAsync(page, id);
            await page.Keyboard.TypeAsync(text);
        }

        await TypeInto("nome", "Giuseppe");
        await TypeInto("cognome", "Russo");
        await TypeInto("email", "giuseppe.russo@example.it");
        await TabToAsync(page, "argomento");
        await page.Keyboard.TypeAsync("Altro");
        (await page.InputValueAsync("#argomento")).Should().Be("altro");
        await TypeInto("oggetto", "Orari dello sportello");
        await TypeInto("testo", "Quali sono gli orari dello sportello per il pubblico?");
        await TabToAsync(page, "consenso");
        await page.Keyboard.PressAsync("Space");
        (await page.IsCheckedAsync("#consenso")).Should().BeTrue();
        await Task.Delay(1100);
        await TabToAsync(page, "", "BUTTON");
        await page.Keyboard.PressAsync("Enter");

        var number = (await page.TextContentAsync("#numero-richiesta"))!.Trim();
        (await host.Store.GetAsync(number, CancellationToken.None))!.Sender.Email.Should().Be("giuseppe.russo@example.it");
    }

    [Fact]
    public async Task Form_SentEmpty_ErrorsNextToTheFieldsLinkedFromTheSummary_InputKept()
    {
        var page = await browser.NewPageAsync("10.1.0.3");
        await page.GotoAsync(host.FormUrl.ToString());
        await page.FillAsync("#nome", "Anna");
        await page.FillAsync("#email", "anna@");
        await Task.Delay(1100);
        await page.ClickAsync("button[type=submit]");

        (await page.TitleAsync()).Should().StartWith("Errore:");
        var summaryLinks = await page.Locator("#riepilogo-errori a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        summaryLinks.Should().Contain(["#cognome", "#email", "#oggetto", "#testo", "#argomento", "#consenso"]).And.NotContain("#nome");
        foreach (var href in summaryLinks)
        {
            var id = href[1..];
            // The message sits in the field's own block, above the input, and the input points to it.
            var message = page.Locator($".campo.errore:has(#{id}) .messaggio-errore");
            (await message.CountAsync()).Should().Be(1, id);
            var messageId = await message.GetAttributeAsync("id");
            (await page.GetAttributeAsync($"#{id}", "aria-describedby"))!.Split(' ').Should().Contain(messageId);
            (await page.GetAttributeAsync($"#{id}", "aria-invalid")).Should().Be("true");
        }

        (await page.TextContentAsync("#email-errore")).Should().Contain("L'indirizzo e-mail non è valido");
        (await page.InputValueAsync("#nome")).Should().Be("Anna");
        (await page.InputValueAsync("#email")).Should().Be("anna@");

        await page.ClickAsync("#riepilogo-errori a[href='#cognome']");
        page.Url.Should().EndWith("#cognome");
    }

    /// <summary>Presses Tab until the element has focus (at most 40 times) and checks its focus is visible.</summary>
    private static async Task TabToAsync(IPage page, string id, string tag = "")
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var active = await page.EvaluateAsync<string>("() => document.activeElement.id + '|' + document.activeElement.tagName");
            if (active == $"{id}|{(tag.Length == 0 ? active.Split('|')[1] : tag)}")
            {
                var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                outline.Should().NotBe("none", $"focus on #{id} {tag} must be visible");
                return;
            }
        }

        throw new InvalidOperationException($"#{id} {tag} cannot be reached with the Tab key");
    }
}
