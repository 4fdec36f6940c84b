using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<table><tr><td>Comune</td><td>Sarno</td></tr><tr><td>Via</td><td>Pedagnali</td></tr></table>", "Comune Sarno\nVia Pedagnali")]
    [InlineData("<pre>riga 1\n    rientrata</pre>", "riga 1\n    rientrata")]
    [InlineData("<p>Sito: <a href=\"https://example.it\">https://example.it</a></p>", "Sito: https://example.it")]
    [InlineData("<a href=\"https://example.it/modulo\"></a>", "https://example.it/modulo")]
    [InlineData("<p>a&nbsp;&nbsp;b</p><p></p><p></p><div>c</div>", "a b\n\nc")]
    [InlineData("<div>Uno<div>Due</div></div>Tre", "Uno\nDue\nTre")]
    [InlineData("<ol><li>primo</li><li>secondo</li></ol>", "- primo\n- secondo")]
    [InlineData("<body><noscript>abilita js</noscript><template>x</template>ok</body>", "ok")]
    public void Convert_CommonMailHtml_GivesReadableText(string html, string expected)
    {
        HtmlToText.Convert(html).Should().Be(expected);
    }
}
