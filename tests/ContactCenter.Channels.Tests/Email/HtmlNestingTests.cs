using System.Diagnostics;
using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

public sealed class HtmlNestingTests
{
    [Fact]
    public void IsTooDeep_OrdinaryNewsletter_False()
    {
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<table><tr><td><p>Riga<br><img src=x></td></tr></table>", 2000)) + "</body></html>";
        HtmlNesting.IsTooDeep(html).Should().BeFalse();
    }

    [Fact]
    public void IsTooDeep_UnclosedParagraphsAndListItems_False()
    {
        // The parser closes <p> and <li> itself when the next one starts: they never nest.
        HtmlNesting.IsTooDeep(string.Concat(Enumerable.Repeat("<p>testo<li>voce<br/>", 5000))).Should().BeFalse();
    }

    [Fact]
    public void IsTooDeep_513NestedDivs_True() =>
        HtmlNesting.IsTooDeep(string.Concat(Enumerable.Repeat("<div>", 513))).Should().BeTrue();

    [Fact]
    public void IsTooDeep_512NestedDivs_False() =>
        HtmlNesting.IsTooDeep(string.Concat(Enumerable.Repeat("<div>", 512)) + string.Concat(Enumerable.Repeat("</div>", 512))).Should().BeFalse();

    [Fact]
    public void StripTags_KeepsWordsAndDecodesEntities() =>
        HtmlNesting.StripTags("<div><b>Città</b>&nbsp;allagata &amp; <i>strade</i>\n chiuse</div>").Should().Be("Città allagata & strade chiuse");

    [Fact]
    public async Task Normalize_HtmlNested100000Deep_TextInSecondsNotMinutes()
    {
        using var harness = new NormalizerHarness();
        var deep = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Aiuto" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var started = Stopwatch.StartNew();

        var draft = await harness.NormalizeAsync(RawMail.Lines("From: a@example.it", "Subject: x", "Content-Type: text/html", "", deep));

        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "AngleSharp needed about four minutes for this");
        draft.TextBody.Should().Be("Aiuto");
        draft.HtmlBody.Should().BeNull();
        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("annidato oltre 512 livelli");
    }

    [Fact]
    public async Task Normalize_MultipartWithoutBoundary_ContentShownAsText()
    {
        using var harness = new NormalizerHarness();

        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: x", "Content-Type: multipart/mixed", "", "--x", "Content-Type: text/plain", "", "Albero caduto", "--x--"));

        draft.TextBody.Should().Contain("Albero caduto");
        draft.ReviewReason.Should().Contain("boundary assente o errato");
    }

    [Fact]
    public async Task Normalize_EmptyMessage_RejectedAsEmpty()
    {
        using var harness = new NormalizerHarness();

        var act = () => harness.NormalizeAsync([]);

        (await act.Should().ThrowAsync<Core.Intake.InboundItemRejectedException>()).WithMessage("Empty message (0 bytes).");
    }
}
