using ContactCenter.Channels.Email.Screening;
using MimeKit;

namespace ContactCenter.Channels.Tests.Email.Screening;

public sealed class SpamHeaderReaderTests
{
    [Fact]
    public void Read_SpamAssassinYes_ScoreFromStatusAndTests()
    {
        var headers = Headers(("X-Spam-Flag", "YES"), ("X-Spam-Status", "Yes, score=7.3 required=5.0 tests=BAYES_99,\r\n\tHTML_MESSAGE autolearn=no version=3.4.6"));

        var judgement = SpamHeaderReader.Read(headers, MtaSpamHeaders.SpamAssassin)!;

        judgement.IsSpam.Should().BeTrue();
        judgement.Score.Should().Be(7.3);
        judgement.Symbols.Should().Equal("BAYES_99", "HTML_MESSAGE");
        judgement.Engine.Should().Be("spamassassin-headers");
    }

    [Fact]
    public void Read_SpamAssassinNo_ScoreHeaderWins()
    {
        var judgement = SpamHeaderReader.Read(Headers(("X-Spam-Status", "No, score=1.2 required=5.0"), ("X-Spam-Score", "1.5")), MtaSpamHeaders.SpamAssassin)!;

        judgement.IsSpam.Should().BeFalse();
        judgement.Score.Should().Be(1.5);
    }

    [Fact]
    public void Read_RspamdResult_ScoreAndSymbols()
    {
        var headers = Headers(("X-Spamd-Result", "default: True [16.40 / 15.00];\r\n GTUBE(0.00)[]; R_SPF_FAIL(1.00)[-all]; MIME_GOOD(-0.10)[text/plain]"));

        var judgement = SpamHeaderReader.Read(headers, MtaSpamHeaders.Rspamd)!;

        judgement.IsSpam.Should().BeTrue();
        judgement.Score.Should().Be(16.4);
        judgement.Symbols.Should().Equal("GTUBE", "R_SPF_FAIL", "MIME_GOOD");
    }

    [Fact]
    public void Read_TopMostHeaderOnly_ALowerForgedOneIsIgnored()
    {
        var headers = Headers(("X-Spam-Flag", "YES"), ("X-Spam-Score", "9"), ("X-Spam-Flag", "NO"), ("X-Spam-Score", "-5"));

        var judgement = SpamHeaderReader.Read(headers, MtaSpamHeaders.SpamAssassin)!;

        judgement.IsSpam.Should().BeTrue();
        judgement.Score.Should().Be(9);
    }

    [Fact]
    public void Read_NoneConfiguredOrNoHeaders_Null()
    {
        SpamHeaderReader.Read(Headers(("X-Spam-Flag", "YES")), MtaSpamHeaders.None).Should().BeNull();
        SpamHeaderReader.Read(Headers(("Subject", "x")), MtaSpamHeaders.Rspamd).Should().BeNull();
        SpamHeaderReader.Read(Headers(("X-Spamd-Result", "nonsense")), MtaSpamHeaders.Rspamd).Should().BeNull();
    }

    // Parsed from text, as the screen reads the archived original: folded lines included.
    private static HeaderList Headers(params (string Name, string Value)[] fields)
    {
        var text = string.Concat(fields.Select(f => $"{f.Name}: {f.Value}\r\n")) + "\r\n";
        return HeaderList.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)));
    }
}
