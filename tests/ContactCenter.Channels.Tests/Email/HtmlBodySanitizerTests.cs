using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

public sealed class HtmlBodySanitizerTests
{
    [Theory]
    [InlineData("<img src=\"http://tracker.example.com/p.gif\">", "tracker")]
    [InlineData("<img srcset=\"https://cdn.example.com/a.png 2x\">", "cdn.example.com")]
    [InlineData("<p style=\"background: url('https://tracker.example.com/bg')\">x</p>", "tracker")]
    [InlineData("<table background=\"https://tracker.example.com/t.png\"><tr><td>x</td></tr></table>", "tracker")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">", "svg")]
    [InlineData("<a href=\"https://ok.example.it\" style=\"background:url(https://tracker.example.com/a)\">x</a>", "tracker")]
    [InlineData("<a href=\"https://tracker.example.com/a\" style=\"background:url(https://tracker.example.com/a)\">x</a>", "url(")]
    [InlineData("<a href=\"https://tracker.example.com/a\"><span style=\"background-image:url(https://tracker.example.com/a)\">x</span></a>", "url(")]
    [InlineData("<svg onload=\"alert(1)\"><circle/></svg>", "onload")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://cdn.example.com/s.css\"><p>x</p>", "cdn.example.com")]
    [InlineData("<p onmouseover=\"steal()\">x</p>", "steal")]
    public void Sanitize_RemovesScriptsHandlersAndExternalResources(string html, string forbidden)
    {
        HtmlBodySanitizer.Sanitize(html).Should().NotContain(forbidden);
    }

    [Theory]
    [InlineData("<img src=\"cid:logo@example.it\">", "src=\"cid:logo@example.it\"")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("<a href=\"https://comune.example.it/modulo\">modulo</a>", "href=\"https://comune.example.it/modulo\"")]
    [InlineData("<p><b>Attenzione</b>: allerta <i>arancione</i></p>", "<b>Attenzione</b>")]
    public void Sanitize_KeepsInlineImagesLinksAndFormatting(string html, string kept)
    {
        HtmlBodySanitizer.Sanitize(html).Should().Contain(kept);
    }

    [Fact]
    public async Task Sanitize_ReusedOnManyThreads_GivesEachDocumentItsOwnResult()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            HtmlBodySanitizer.Sanitize($"<p onclick=\"x()\" style=\"color:red;position:fixed\">numero {i}</p><script>bad()</script><a href=\"https://e.example.it/{i}\">l</a>"))));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Should().Contain($"numero {i}").And.Contain($"https://e.example.it/{i}\" target=\"_blank\"")
                .And.NotContain("onclick").And.NotContain("script").And.NotContain("position");
            results.Where((_, j) => j != i).Should().NotContain(r => r.Contains($"numero {i}<", StringComparison.Ordinal));
        }
    }
}
