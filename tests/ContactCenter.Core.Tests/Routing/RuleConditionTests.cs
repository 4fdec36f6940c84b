using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class RuleConditionTests
{
    [Fact]
    public void Channels_MatchTheDraftsChannelKind()
    {
        var rule = Drafts.Rule("pec");
        rule.Channels = [ChannelKind.Pec, ChannelKind.Fax];
        var classifier = Drafts.Classifier(rule);

        classifier.Classify(Drafts.Email("x", channel: ChannelKind.Pec)).RuleName.Should().Be("pec");
        classifier.Classify(Drafts.Email("x", channel: ChannelKind.Email)).RuleName.Should().Be("default");
    }

    [Fact]
    public void ChannelNames_IgnoreCase()
    {
        var rule = Drafts.Rule("scan");
        rule.ChannelNames = ["Posta-Cartacea"];
        var classifier = Drafts.Classifier(rule);

        classifier.Classify(Drafts.Email("x", channelName: "posta-cartacea")).RuleName.Should().Be("scan");
        classifier.Classify(Drafts.Email("x", channelName: "email")).RuleName.Should().Be("default");
    }

    [Theory]
    [InlineData("protocollo@regione.abruzzo.it", "*@regione.abruzzo.it", true)]
    [InlineData("Protocollo@Regione.Abruzzo.IT", "*@regione.abruzzo.it", true)]
    [InlineData("protocollo@regione.abruzzo.it.example.com", "*@regione.abruzzo.it", false)]
    [InlineData("ufficio@protezionecivile.gov.it", "*.gov.it", true)]
    [InlineData("mario@gov.it.example.com", "*.gov.it", false)]
    [InlineData("sindaco@comune.atri.te.it", "*@comune.*.it", true)]
    [InlineData("mario.rossi@pec.it", "*@pec.*", true)]
    [InlineData("mario.rossi@gmail.com", "*@pec.*", false)]
    public void SenderPatterns_AreAddressOrDomainGlobs(string sender, string pattern, bool matches)
    {
        var rule = Drafts.Rule("pa");
        rule.SenderPatterns = [pattern];

        var result = Drafts.Classifier(rule).Classify(Drafts.Email("x", sender: sender));

        (result.RuleName == "pa").Should().Be(matches);
        if (matches)
        {
            result.Matches.Should().Contain($"sender matches \"{pattern}\"");
        }
    }

    [Fact]
    public void SenderPatterns_WithoutSender_DoNotMatch()
    {
        var rule = Drafts.Rule("pa");
        rule.SenderPatterns = ["*"];

        Drafts.Classifier(rule).Classify(Drafts.Email("x", sender: null)).RuleName.Should().Be("default");
    }

    [Fact]
    public void Patterns_AreCaseInsensitiveAndReportTheMatchedText()
    {
        var rule = Drafts.Rule("atti");
        rule.Patterns = [@"(?i)accesso\s+agli\s+atti"];

        var result = Drafts.Classifier(rule).Classify(Drafts.Email("Istanza", "chiedo l'ACCESSO agli atti del 2024"));

        result.RuleName.Should().Be("atti");
        result.Matches.Should().Contain(@"regex ""(?i)accesso\s+agli\s+atti"" matched ""ACCESSO agli atti""");
    }

    [Fact]
    public void Patterns_LongMatch_IsShortenedInTheReason()
    {
        var rule = Drafts.Rule("tutto");
        rule.Patterns = ["chiedo.*"];

        var reason = Drafts.Classifier(rule).Classify(Drafts.Email("x", "chiedo " + new string('z', 500))).Matches.Single();

        reason.Length.Should().BeLessThan(120);
        reason.Should().EndWith("...\"");
    }

    [Fact]
    public void HasAttachment_IgnoresInlineParts()
    {
        var rule = Drafts.Rule("allegato");
        rule.HasAttachment = true;
        var classifier = Drafts.Classifier(rule);
        var inlineOnly = Drafts.Email("x");
        inlineOnly.Attachments.Add(new TicketAttachment { FileName = "logo.png", ContentType = "image/png", IsInline = true });
        var withPdf = Drafts.Email("x");
        withPdf.Attachments.Add(new TicketAttachment { FileName = "domanda.pdf", ContentType = "application/pdf" });

        classifier.Classify(inlineOnly).RuleName.Should().Be("default");
        classifier.Classify(withPdf).RuleName.Should().Be("allegato");
    }

    [Fact]
    public void HasAttachmentFalse_MatchesMessagesWithoutAttachments()
    {
        var rule = Drafts.Rule("senza");
        rule.HasAttachment = false;

        Drafts.Classifier(rule).Classify(Drafts.Email("Richiesta")).Matches.Should().Equal("has no attachment");
    }

    [Theory]
    [InlineData("application/pdf", "verbale.pdf", "application/pdf", true)]
    [InlineData("image/*", "foto.jpg", "image/jpeg", true)]
    [InlineData(".p7m", "istanza.pdf.p7m", "application/pkcs7-mime", true)]
    [InlineData("p7m", "ISTANZA.P7M", "application/octet-stream", true)]
    [InlineData("application/pdf", "foto.jpg", "image/jpeg", false)]
    public void AttachmentTypes_MatchContentTypesOrExtensions(string type, string file, string contentType, bool matches)
    {
        var rule = Drafts.Rule("tipo");
        rule.AttachmentTypes = [type];
        var draft = Drafts.Email("Richiesta");
        draft.Attachments.Add(new TicketAttachment { FileName = file, ContentType = contentType });

        var result = Drafts.Classifier(rule).Classify(draft);

        (result.RuleName == "tipo").Should().Be(matches);
        if (matches)
        {
            result.Matches.Should().ContainSingle().Which.Should().StartWith($"has attachment {type}");
        }
    }

    [Theory]
    [InlineData("it", true)]
    [InlineData("it-IT", true)]
    [InlineData("en", false)]
    [InlineData(null, false)]
    public void Languages_CompareThePrimarySubtag(string? language, bool matches)
    {
        var rule = Drafts.Rule("ita");
        rule.Languages = ["it"];
        var draft = Drafts.Email("x");
        draft.Language = language;

        (Drafts.Classifier(rule).Classify(draft).RuleName == "ita").Should().Be(matches);
    }

    [Fact]
    public void CategoryHints_IgnoreCaseAndAccents()
    {
        var rule = Drafts.Rule("hint");
        rule.CategoryHints = ["Accesso agli atti"];
        var draft = Drafts.Email("Richiesta");
        draft.CategoryHint = "ACCESSO AGLI ATTI";

        Drafts.Classifier(rule).Classify(draft).Matches.Should().Equal("category hint is \"ACCESSO AGLI ATTI\"");
    }

    [Fact]
    public void AllConditionsOfARule_MustHold()
    {
        var rule = Drafts.Rule("pa-atti");
        rule.SenderPatterns = ["*.gov.it"];
        rule.Words = ["accesso agli atti"];
        var classifier = Drafts.Classifier(rule);

        classifier.Classify(Drafts.Email("accesso agli atti", sender: "a@b.gov.it")).RuleName.Should().Be("pa-atti");
        classifier.Classify(Drafts.Email("accesso agli atti", sender: "a@gmail.com")).RuleName.Should().Be("default");
        classifier.Classify(Drafts.Email("informazioni", sender: "a@b.gov.it")).RuleName.Should().Be("default");
    }
}
