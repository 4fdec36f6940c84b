using ContactCenter.Channels.Voice;
using MimeKit;

namespace ContactCenter.Channels.Tests.Voice;

/// <summary>What each notification form says when its headers are gone (a relay stripped them): the body and subject alone.</summary>
public sealed class VoicemailNoticeParserTests
{
    [Fact]
    public void Parse_AsteriskDefaultEnglishBody()
    {
        const string body = "Dear Centralino:\n\n\tjust wanted to let you know you were just left a 1:05 long message (number 3)\n" +
                            "in mailbox 200 from \"Mario Rossi\" <3331234567>, on Wednesday, December 02, 2026 at 10:15:04 AM, so you might\n" +
                            "want to check it when you get a chance.  Thanks!\n\n\t\t\t\t--Asterisk\n";

        var notice = VoicemailNoticeParser.Parse([], "[PBX]: New message 3 in mailbox 200", body);

        notice.Should().Be(new VoicemailNotice(VoicemailFormat.Generic, "3331234567", "Mario Rossi", TimeSpan.FromSeconds(65), "200", "3",
            "Wednesday, December 02, 2026 at 10:15:04 AM"));
    }

    [Fact]
    public void Parse_ItalianBody()
    {
        const string body = "Gentile Centralino,\n\n\tè stato lasciato un messaggio di 0:42 (numero 7)\nnella casella 201 da 0612345678, il 02/12/2026 alle 10:15.\n";

        var notice = VoicemailNoticeParser.Parse([], "[Centralino]: nuovo messaggio 7 nella casella 201", body);

        notice.CallerNumber.Should().Be("0612345678");
        notice.Duration.Should().Be(TimeSpan.FromSeconds(42));
        notice.Mailbox.Should().Be("201");
        notice.MessageNumber.Should().Be("7");
        notice.Date.Should().Be("02/12/2026 alle 10:15");
    }

    [Fact]
    public void Parse_FreePbxLines_AndHeadersWinOverTheBody()
    {
        const string body = "There is a new voicemail in mailbox 201:\n\n\tFrom:\t\"Anna\" <3480000001>\n\tLength:\t0:12 seconds\n\tDate:\tyesterday\n\nDial *98";
        var headers = new HeaderList { { "X-Asterisk-VM-Duration", "13" }, { "X-Asterisk-VM-Caller-ID-Name", "Anna Verdi" } };

        var notice = VoicemailNoticeParser.Parse(headers, "PBX Voicemail Notification", body);

        notice.Format.Should().Be(VoicemailFormat.FreePbx);
        notice.Duration.Should().Be(TimeSpan.FromSeconds(13), "the PBX's header is exact, the body rounds");
        notice.CallerName.Should().Be("Anna Verdi");
        notice.CallerNumber.Should().Be("3480000001");
        notice.Mailbox.Should().Be("201");
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("0:07", 7)]
    [InlineData("2:05 seconds", 125)]
    [InlineData("1:00:01", 3601)]
    [InlineData("15 secondi", 15)]
    public void ParseDuration_ReadsEveryForm(string text, int seconds) =>
        VoicemailNoticeParser.ParseDuration(text).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Parse_HostileBodyOfMegabytes_IsReadOnlyAsFarAsANotificationGoes()
    {
        var body = "Da: 0612345678\n" + string.Concat(Enumerable.Repeat("1 1 1 1 1 1 1 1 1 1 durata ", 100_000));

        var notice = VoicemailNoticeParser.Parse([], new string('x', 100_000), body);

        notice.CallerNumber.Should().Be("0612345678");
        VoicemailNoticeParser.FirstPhoneNumber(body).Should().Be("0612345678");
    }

    [Fact]
    public void FirstPhoneNumber_SkipsWhatIsNotAValidNumber() =>
        VoicemailNoticeParser.FirstPhoneNumber("Messaggio 12345 del 2026 dal numero 06 1234 5678").Should().Be("06 1234 5678");
}
