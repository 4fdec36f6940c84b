using System.Text;
using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Each limit of ContactCenter:Mail: over it the message is rejected (quarantined) with the limit's key.</summary>
public sealed class EmailNormalizerLimitTests : IDisposable
{
    private const string Body = "Buongiorno, segnalo un albero caduto in via Roma.";
    private readonly NormalizerHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Normalize_100000NestedMultiparts_RejectedWithMaxMimeDepth()
    {
        var raw = Nested(100_000);

        var act = () => harness.NormalizeAsync(raw);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*deeper than 64 levels*Mail:MaxMimeDepth*");
    }

    [Fact]
    public async Task Normalize_NestingAtTheLimit_BecomesATicket()
    {
        using var limited = new NormalizerHarness(o => o.MaxMimeDepth = 10);

        var draft = await limited.NormalizeAsync(Nested(9));

        draft.TextBody.Should().Be(Body);
    }

    [Fact]
    public async Task Normalize_NestedForwardedMessages_CountTowardsMaxMimeDepth()
    {
        using var limited = new NormalizerHarness(o => o.MaxMimeDepth = 10);
        var lines = new List<string> { "From: a@example.it", "Subject: inoltri" };
        for (var depth = 0; depth < 20; depth++)
        {
            lines.AddRange(["Content-Type: message/rfc822", "", $"From: livello{depth}@example.it", $"Subject: livello {depth}"]);
        }

        lines.AddRange(["Content-Type: text/plain", "", Body]);

        var act = () => limited.NormalizeAsync(RawMail.Lines([.. lines]));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*Mail:MaxMimeDepth*");
    }

    [Fact]
    public async Task Normalize_TooManyParts_RejectedWithMaxMimeParts()
    {
        using var limited = new NormalizerHarness(o => o.MaxMimeParts = 50);

        var act = () => limited.NormalizeAsync(Mixed(60, _ => ["Content-Type: text/plain", "", "parte"]));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*more than 50 MIME parts*Mail:MaxMimeParts*");
    }

    [Fact]
    public async Task Normalize_OneMegabyteSubject_RejectedWithMaxHeaderBytes()
    {
        var act = () => harness.NormalizeAsync(RawMail.Simple(Body, "Subject: " + new string('A', 1024 * 1024)));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*Header Subject is 1,048,5*Mail:MaxHeaderBytes*");
    }

    [Fact]
    public async Task Normalize_EncodedWordBomb_RejectedWithMaxSubjectChars()
    {
        // 48 KB of header that decodes to 30,000 characters: each encoded word stands for 50 "A"s.
        var word = "=?utf-8?B?" + Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('A', 50))) + "?=";
        var subject = string.Join(" ", Enumerable.Repeat(word, 600));

        var act = () => harness.NormalizeAsync(RawMail.Simple(Body, "Subject: " + subject));

        (subject.Length + 9).Should().BeLessThan(harness.Options.MaxHeaderBytes, "the header itself is within its limit");
        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*Subject is 30,000 characters*Mail:MaxSubjectChars*");
    }

    [Fact]
    public async Task Normalize_LongBody_RejectedWithMaxBodyChars()
    {
        using var limited = new NormalizerHarness(o => o.MaxBodyChars = 1000);

        var act = () => limited.NormalizeAsync(RawMail.Simple(new string('a', 1001)));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*1,001 characters*Mail:MaxBodyChars*");
    }

    [Fact]
    public async Task Normalize_BodyAtTheLimit_BecomesATicket()
    {
        using var limited = new NormalizerHarness(o => o.MaxBodyChars = 1000);

        var draft = await limited.NormalizeAsync(RawMail.Simple(new string('a', 1000)));

        draft.TextBody.Should().HaveLength(1000);
    }

    [Fact]
    public async Task Normalize_TooManyAttachments_RejectedWithMaxAttachments()
    {
        using var limited = new NormalizerHarness(o => o.MaxAttachments = 5);

        var act = () => limited.NormalizeAsync(Mixed(6, i => [$"Content-Type: application/pdf; name=\"a{i}.pdf\"", "Content-Disposition: attachment", "", "x"]));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*6 attachments*Mail:MaxAttachments*");
    }

    [Fact]
    public async Task Normalize_AttachmentOverTheSizeLimit_RejectedWithMaxAttachmentBytes()
    {
        using var limited = new NormalizerHarness(o => o.MaxAttachmentBytes = 100_000);
        var pdf = RawMail.Base64Lines(new byte[150_000]);

        var act = () => limited.NormalizeAsync(Mixed(1, _ =>
            ["Content-Type: application/pdf; name=\"verbale.pdf\"", "Content-Disposition: attachment", "Content-Transfer-Encoding: base64", "", pdf]));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*verbale.pdf is about 15*bytes decoded*Mail:MaxAttachmentBytes*");
    }

    [Fact]
    public async Task Normalize_OverMaxMessageBytes_RejectedWithTheKey()
    {
        using var limited = new NormalizerHarness(o => o.MaxMessageBytes = 2048);

        var act = () => limited.NormalizeAsync(RawMail.Simple(new string('a', 4096)));

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*Mail:MaxMessageBytes*");
    }

    private static byte[] Nested(int depth)
    {
        var builder = new StringBuilder("From: a@example.it\r\nSubject: annidato\r\n");
        for (var level = 0; level < depth; level++)
        {
            builder.Append("Content-Type: multipart/mixed; boundary=\"n").Append(level).Append("\"\r\n\r\n--n").Append(level).Append("\r\n");
        }

        builder.Append("Content-Type: text/plain\r\n\r\n").Append(Body).Append("\r\n");
        for (var level = depth - 1; level >= 0; level--)
        {
            builder.Append("--n").Append(level).Append("--\r\n");
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static byte[] Mixed(int count, Func<int, string[]> part)
    {
        var lines = new List<string> { "From: a@example.it", "Subject: parti", "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "", Body };
        for (var i = 0; i < count; i++)
        {
            lines.Add("--b");
            lines.AddRange(part(i));
        }

        lines.Add("--b--");
        return RawMail.Lines([.. lines]);
    }
}
