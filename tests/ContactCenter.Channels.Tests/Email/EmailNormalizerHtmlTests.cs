namespace ContactCenter.Channels.Tests.Email;

public sealed class EmailNormalizerHtmlTests : IDisposable
{
    private const string HostileHtml =
        "<html><head><title>Titolo nascosto</title><style>p { color: red }</style>"
        + "<script>alert('head')</script></head><body>"
        + "<h1>Segnalazione</h1><p>Buongiorno,<br>la strada &egrave; allagata.</p>"
        + "<ul><li>via Roma</li><li>via Verdi</li></ul>"
        + "<p>Vedi <a href=\"https://comune.example.it/mappa\">la mappa</a> oppure scrivete a "
        + "<a href=\"mailto:anna@example.it\">anna@example.it</a>.</p>"
        + "<img src=\"https://tracker.example.com/pixel.gif\" width=\"1\"><img src=\"cid:foto1@example.it\" alt=\"foto\">"
        + "<div style=\"background-image: url(https://tracker.example.com/bg.png)\" onclick=\"steal()\">Cordiali saluti</div>"
        + "<a href=\"javascript:steal()\">clicca</a><form action=\"https://evil.example.com\"><input name=\"pw\"></form>"
        + "<iframe src=\"https://evil.example.com\"></iframe><script>document.cookie</script></body></html>";

    private readonly NormalizerHarness harness = new();

    [Fact]
    public async Task Normalize_HtmlOnlyMail_BecomesReadableText()
    {
        var draft = await harness.NormalizeAsync(HtmlOnly(HostileHtml));

        draft.TextBody.Should().StartWith("Segnalazione\n\nBuongiorno,\nla strada è allagata.\n\n- via Roma\n- via Verdi\n\n");
        draft.TextBody.Should().Contain("Vedi la mappa (https://comune.example.it/mappa) oppure scrivete a anna@example.it.");
        draft.TextBody.Should().Contain("[foto]").And.Contain("Cordiali saluti").And.Contain("clicca");
        draft.TextBody.Should().NotContainAny("alert", "color: red", "document.cookie", "Titolo nascosto", "javascript", "<");
    }

    [Fact]
    public async Task Normalize_HtmlOnlyMail_KeepsOnlySanitisedHtml()
    {
        var draft = await harness.NormalizeAsync(HtmlOnly(HostileHtml));

        draft.HtmlBody.Should().NotBeNull();
        draft.HtmlBody.Should().NotContainAny("<script", "onclick", "tracker.example.com", "javascript:", "<form", "<input", "<iframe", "evil.example.com");
        draft.HtmlBody.Should().Contain("cid:foto1@example.it").And.Contain("href=\"https://comune.example.it/mappa\"");
        draft.HtmlBody.Should().Contain("Cordiali saluti").And.Contain("rel=\"noopener noreferrer nofollow\"");
    }

    [Fact]
    public async Task Normalize_AlternativeParts_PrefersPlainTextAndKeepsHtml()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it",
            "Subject: x",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Testo semplice della segnalazione.",
            "--alt",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Testo <b>HTML</b> della segnalazione.</p>",
            "--alt--"));

        draft.TextBody.Should().Be("Testo semplice della segnalazione.");
        draft.HtmlBody.Should().Contain("<b>HTML</b>");
        draft.Attachments.Should().BeEmpty();
    }

    [Fact]
    public async Task Normalize_FormatFlowedText_IsUnwrapped()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it",
            "Subject: x",
            "Content-Type: text/plain; charset=utf-8; format=flowed",
            "",
            "Questa riga continua ",
            "sulla successiva.",
            "Fine."));

        draft.TextBody.Should().Be("Questa riga continua sulla successiva.\nFine.");
    }

    private static byte[] HtmlOnly(string html) => RawMail.Lines(
        "From: Comune <ufficio@comune.example.org>",
        "Subject: Allagamento",
        "MIME-Version: 1.0",
        "Content-Type: text/html; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        html);

    public void Dispose() => harness.Dispose();
}
