using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

/// <summary>A draft whose text is the service's own notice (a voicemail nobody transcribed) is classified without it.</summary>
public sealed class TextUnavailableTests
{
    private const string Notice = "Messaggio vocale da ascoltare: nessuna trascrizione";

    [Fact]
    public void Classify_TextUnavailable_NoWordRuleMatchesAndTheDefaultSaysWhy()
    {
        var words = Drafts.Rule("frane");
        words.Words = ["frana", "registrazione"];
        var draft = Drafts.Email("Messaggio in segreteria", "Registrazione allegata: una frana sulla strada");
        draft.TextUnavailable = Notice;

        var result = Drafts.Classifier(words).Classify(draft);

        result.RuleName.Should().Be("default");
        result.Level.Should().Be(ServiceLevel.First);
        result.Matches.Should().Equal("no rule matched", $"text not classified: {Notice}");
    }

    [Fact]
    public void Classify_TextUnavailable_RulesOnTheChannelStillDecide()
    {
        var voicemail = Drafts.Rule("richiamare", ServiceLevel.First, "richiamata");
        voicemail.Channels = [ChannelKind.Voicemail];
        var words = Drafts.Rule("frane");
        words.Words = ["frana"];
        var draft = Drafts.Email("frana", "frana", channel: ChannelKind.Voicemail);
        draft.TextUnavailable = Notice;

        var result = Drafts.Classifier(words, voicemail).Classify(draft);

        result.RuleName.Should().Be("richiamare");
        result.Category.Should().Be("richiamata");
        result.Matches.Should().EndWith($"text not classified: {Notice}");
    }

    [Fact]
    public void Classify_SameTextWithTheSendersWords_MatchesTheWordRule()
    {
        var words = Drafts.Rule("frane");
        words.Words = ["frana"];

        var result = Drafts.Classifier(words).Classify(Drafts.Email("Messaggio in segreteria", "una frana sulla strada"));

        result.RuleName.Should().Be("frane");
        result.Matches.Should().NotContain(m => m.StartsWith("text not classified", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_WordlessDraft_SaysSoWithoutThePipelineMarkingIt()
    {
        // classify explain and the evaluation call the classifier directly: they must agree with what ingest records.
        var sender = Drafts.Rule("inoltri");
        sender.Words = ["fwd"];

        var decision = Drafts.Classifier(sender).Decide(Drafts.Email("Fwd:", "."));

        decision.TextUnavailable.Should().Be(DraftWords.None);
        decision.Result.RuleName.Should().Be("default", "a reply or forward prefix is not a word of the request");
        decision.Result.Matches.Should().Equal("no rule matched", $"text not classified: {DraftWords.None}");
    }
}
