using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Inline styles in a citizen's HTML: harmless formatting stays, nothing that covers or escapes the page.</summary>
public sealed class HtmlStyleSanitizingTests
{
    [Fact]
    public void Sanitize_FullScreenOverlay_LosesEveryBoxProperty()
    {
        var html = "<div style=\"position: fixed; top: 0; left: 0; width: 100%; height: 100%; z-index: 99999; background-color: white\">finto login</div>";

        var sanitized = HtmlBodySanitizer.Sanitize(html);

        sanitized.Should().Contain("finto login")
            .And.NotContainAny("position", "z-index", "width", "height", "top:", "left:");
    }

    [Theory]
    [InlineData("display: none")]
    [InlineData("visibility: hidden")]
    [InlineData("transform: scale(100)")]
    [InlineData("opacity: 0")]
    [InlineData("overflow: hidden")]
    [InlineData("float: left")]
    [InlineData("inset: 0")]
    [InlineData("margin: -9999px")]
    [InlineData("margin-top: 5000px")]
    [InlineData("padding: 50vh")]
    [InlineData("font-size: 500px")]
    [InlineData("font-size: 40vw")]
    [InlineData("color: var(--x)")]
    [InlineData("background-color: url(https://tracker.example.com/p)")]
    public void Sanitize_HarmfulDeclaration_Dropped(string declaration)
    {
        var sanitized = HtmlBodySanitizer.Sanitize($"<p style=\"{declaration}\">testo</p>");

        sanitized.Should().Be("<p>testo</p>");
    }

    [Theory]
    [InlineData("color: red", "color")]
    [InlineData("background-color: #ffff00", "background-color")]
    [InlineData("font-weight: bold", "font-weight")]
    [InlineData("font-size: 14px", "font-size: 14px")]
    [InlineData("font-family: Arial", "font-family")]
    [InlineData("text-align: center", "text-align: center")]
    [InlineData("margin-left: 20px", "margin-left: 20px")]
    [InlineData("text-decoration: underline", "underline")]
    public void Sanitize_HarmlessDeclaration_Kept(string declaration, string kept)
    {
        HtmlBodySanitizer.Sanitize($"<p style=\"{declaration}\">testo</p>").Should().Contain(kept);
    }

    [Fact]
    public void Sanitize_StyleElementAndClasses_Removed()
    {
        var sanitized = HtmlBodySanitizer.Sanitize("<style>.x{position:fixed}</style><p class=\"modal-backdrop\" id=\"app\">testo</p>");

        sanitized.Should().Be("<p>testo</p>");
    }

    [Fact]
    public void Sanitize_UrlInAnyProperty_Dropped()
    {
        var sanitized = HtmlBodySanitizer.Sanitize("<p style=\"color: red; background-image: url(cid:logo); font-family: url(x)\">testo</p>");

        sanitized.Should().NotContain("url(").And.Contain("color");
    }
}
