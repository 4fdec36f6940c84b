using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

public sealed class EmailNormalizerTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Fact]
    public async Task Normalize_AnyMessage_ArchivesTheOriginalByteForByte()
    {
        // Mixed line endings, trailing spaces and no final newline: nothing may be "fixed" on the way to the archive.
        var raw = Encoding.Latin1.GetBytes(
            "From: Mario Rossi <mario.rossi@example.it>\r\nSubject: Albero caduto  \nX-Odd:\t tab \r\n\r\nriga 1\nriga 2 \r\n\r\nfine");

        var draft = await harness.NormalizeAsync(raw);

        draft.Original.Should().NotBeNull();
        draft.Original!.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(raw)));
        draft.Original.FileName.Should().Be("message.eml");
        draft.Original.ContentType.Should().Be("message/rfc822");
        draft.Original.Size.Should().Be(raw.Length);
        harness.Bytes(draft.Original).Should().Equal(raw);
    }

    [Fact]
    public async Task Normalize_NoMessageId_SameItemKeyIsTheOriginalsHashInTheMailbox()
    {
        var raw = RawMail.Lines("From: mario.rossi@example.it", "Subject: Senza Message-ID", "", "Vorrei sapere se domani le scuole restano chiuse.");

        var draft = await harness.NormalizeAsync(raw);

        draft.MessageId.Should().BeNull();
        draft.SameItemKey.Should().Be($"original:{draft.ChannelName}/{Convert.ToHexStringLower(SHA256.HashData(raw))}");
    }

    [Fact]
    public async Task Normalize_PlainMail_FillsTheDraft()
    {
        var item = harness.Item(RawMail.Lines(
            "From: \"Mario Rossi\" <mario.rossi@example.it>",
            "To: segnalazioni@protezionecivile.example.it",
            "Subject: Re: Albero caduto",
            "Date: Mon, 23 Nov 2026 10:15:00 +0100",
            "Message-ID: <reply-1@example.it>",
            "In-Reply-To: <receipt-42@protezionecivile.example.it>",
            "References: <first@example.it>",
            "  <receipt-42@protezionecivile.example.it>",
            "Content-Type: text/plain; charset=iso-8859-1",
            "",
            "Buongiorno, l'albero è ancora sulla strada e non è stato rimosso. Grazie per l'attenzione."));

        var draft = await harness.Normalizer.NormalizeAsync(item, CancellationToken.None);

        draft.SourceKey.Should().Be(item.SourceKey);
        draft.ChannelName.Should().Be("segnalazioni");
        draft.Channel.Should().Be(ChannelKind.Email);
        draft.ReceivedAt.Should().Be(item.ReceivedAt);
        draft.Sender.DisplayName.Should().Be("Mario Rossi");
        draft.Sender.Email.Should().Be("mario.rossi@example.it");
        draft.ReplyAddress.Should().Be("mario.rossi@example.it");
        draft.Subject.Should().Be("Re: Albero caduto");
        draft.TextBody.Should().StartWith("Buongiorno, l'albero è ancora");
        draft.HtmlBody.Should().BeNull();
        draft.MessageId.Should().Be("reply-1@example.it");
        draft.SameItemKey.Should().BeNull("the Message-ID knows the message again");
        draft.InReplyTo.Should().Be("receipt-42@protezionecivile.example.it");
        draft.References.Should().Equal("first@example.it", "receipt-42@protezionecivile.example.it");
        draft.Language.Should().Be("it");
        draft.AutomaticMail.Should().Be(AutomaticMailKind.None);
        draft.Metadata.Should().Contain("imap.uid", "42").And.Contain("mail.date", "2026-11-23T10:15:00.0000000+01:00");
    }

    [Fact]
    public async Task Normalize_ReplyTo_IsTheReplyAddress()
    {
        var draft = await harness.NormalizeAsync(RawMail.Simple(
            "testo", "Reply-To: \"Anna Bianchi\" <anna.bianchi@example.it>, altro@example.it"));

        draft.ReplyAddress.Should().Be("anna.bianchi@example.it");
        draft.Sender.Email.Should().Be("mario.rossi@example.it");
    }

    [Fact]
    public async Task Normalize_NoReplyReplyTo_FallsBackToFrom()
    {
        var draft = await harness.NormalizeAsync(RawMail.Simple("testo", "Reply-To: noreply@example.it"));

        draft.ReplyAddress.Should().Be("mario.rossi@example.it");
    }

    [Theory]
    [InlineData("no_reply@portale.example.it")]
    [InlineData("Do.Not.Reply@portale.example.it")]
    [InlineData("bounce-42@lists.example.it")]
    public async Task Normalize_ReplyToNoReplyWithOtherSeparators_FallsBackToFrom_AsTheReceiptPolicyReadsIt(string replyTo)
    {
        var draft = await harness.NormalizeAsync(RawMail.Simple("testo", $"Reply-To: {replyTo}"));

        draft.ReplyAddress.Should().Be("mario.rossi@example.it", "the receipt policy refuses this Reply-To, so the citizen's From must be the one kept");
    }

    [Fact]
    public async Task Normalize_NoReplySender_HasNoReplyAddressButStillOpensATicket()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: Portale Segnalazioni <no-reply@portale.example.it>", "Subject: Nuova segnalazione", "", "Segnalazione n. 7"));

        draft.ReplyAddress.Should().BeNull();
        draft.AutomaticMail.Should().Be(AutomaticMailKind.None);
        draft.Sender.Email.Should().Be("no-reply@portale.example.it");
    }

    [Fact]
    public async Task Normalize_NoFromAtAll_StillMakesADraftWithUnknownSender()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("Subject: Senza mittente", "", "Chi mi ha scritto?"));

        draft.Sender.Email.Should().BeNull();
        draft.Sender.DisplayName.Should().BeNull();
        draft.ReplyAddress.Should().BeNull();
        draft.Subject.Should().Be("Senza mittente");
        draft.TextBody.Should().Be("Chi mi ha scritto?");
        draft.Original.Should().NotBeNull();
    }

    [Fact]
    public async Task Normalize_HostileSubjectAndName_AreOneCleanLine()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: =?UTF-8?B?QmFuY2Eg4oCuYXRpbGFp?= <x@example.it>",
            "Subject: =?UTF-8?Q?riga1=0D=0Ariga2=00_fine?=",
            "",
            "x"));

        draft.Sender.DisplayName.Should().Be("Banca atilai");
        draft.Subject.Should().Be("riga1riga2 fine");
    }

    [Fact]
    public async Task Normalize_OverDeclaredSizeLimit_IsRejectedWithTheSize()
    {
        using var small = new NormalizerHarness(o => o.MaxMessageBytes = 2048);
        var raw = RawMail.Simple(new string('x', 5000));

        var act = () => small.Normalizer.NormalizeAsync(small.Item(raw, length: raw.Length), CancellationToken.None);

        (await act.Should().ThrowAsync<InboundItemRejectedException>())
            .WithMessage($"*{raw.Length} bytes*limit of 2048 bytes*ContactCenter:Mail:MaxMessageBytes*");
    }

    [Fact]
    public async Task Normalize_OverSizeLimitWithUnknownLength_IsRejectedWithTheSize()
    {
        using var small = new NormalizerHarness(o => o.MaxMessageBytes = 100_000);
        var raw = RawMail.Simple(new string('x', 300_000));

        var act = () => small.NormalizeAsync(raw);

        (await act.Should().ThrowAsync<InboundItemRejectedException>())
            .WithMessage($"*{raw.Length} bytes*limit of 100000 bytes*");
        Directory.EnumerateFiles(small.ArchiveRoot, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing is archived for a rejected message");
    }

    [Fact]
    public async Task Normalize_RandomBytes_IsRejectedWithMimeKitsReason()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        var act = () => harness.NormalizeAsync(garbage);

        (await act.Should().ThrowAsync<InboundItemRejectedException>())
            .WithMessage("Not a parseable e-mail message: *");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task Normalize_MalformedInput_GivesADraftOrARejectionWithReason(int sample)
    {
        var raw = MalformedSample(sample);
        try
        {
            var draft = await harness.NormalizeAsync(raw);
            draft.Original!.Size.Should().Be(raw.Length);
        }
        catch (InboundItemRejectedException ex)
        {
            ex.Message.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData(ChannelKind.Email, "message/rfc822", true)]
    [InlineData(ChannelKind.Pec, "message/rfc822", true)]
    [InlineData(ChannelKind.Email, "MESSAGE/RFC822", true)]
    [InlineData(ChannelKind.Fax, "message/rfc822", false)]
    [InlineData(ChannelKind.Email, "application/pdf", false)]
    public void CanNormalize_DependsOnChannelAndContentType(ChannelKind channel, string contentType, bool expected)
    {
        var item = harness.Item([], channel);
        var typed = new InboundItem
        {
            SourceKey = item.SourceKey,
            ChannelName = item.ChannelName,
            Channel = channel,
            ReceivedAt = item.ReceivedAt,
            OpenAsync = item.OpenAsync,
            OriginalContentType = contentType,
        };

        harness.Normalizer.CanNormalize(typed).Should().Be(expected);
    }

    [Theory]
    [InlineData("charset=utf-8")]
    [InlineData("charset=us-ascii")]
    [InlineData("format=fixed")]
    public async Task Normalize_Latin1BytesLabelledUtf8OrUnlabelled_AreReadAsWindows1252(string parameter)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: x", $"Content-Type: text/plain; {parameter}", "", "La frana è vicina: 10 \u0080."));

        draft.TextBody.Should().Be("La frana è vicina: 10 €.");
    }

    [Fact]
    public async Task Normalize_ManyMessagesAtOnce_AreIndependent()
    {
        var tasks = Enumerable.Range(0, 40).Select(i => harness.NormalizeAsync(RawMail.Lines(
            $"From: utente{i}@example.it", $"Subject: Segnalazione {i}", "Content-Type: text/html", "", $"<p>Testo {i}</p>")));

        var drafts = await Task.WhenAll(tasks);

        drafts.Select(d => d.Subject).Should().Equal(Enumerable.Range(0, 40).Select(i => $"Segnalazione {i}"));
        drafts.Select(d => d.TextBody).Should().Equal(Enumerable.Range(0, 40).Select(i => $"Testo {i}"));
        drafts.Select(d => d.Original!.Sha256).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Normalize_Cancelled_ThrowsCancellationNotRejection()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => harness.Normalizer.NormalizeAsync(harness.Item(RawMail.Simple()), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Normalize_EnglishText_IsNotGuessedItalian()
    {
        var draft = await harness.NormalizeAsync(RawMail.Simple("Dear sir, please send me the form for the permit. Thank you and regards."));

        draft.Language.Should().Be("en");
    }

    private static byte[] MalformedSample(int sample)
    {
        var random = new Random(sample);
        return sample switch
        {
            0 => [],
            1 => new byte[100],
            2 => Encoding.ASCII.GetBytes("questo non è un messaggio\r\n\r\nma testo"),
            3 => Encoding.ASCII.GetBytes("From: a@example.it\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nnever closed"),
            4 => Encoding.ASCII.GetBytes("From: a@example.it\r\nContent-Type: text/plain; charset=x-unknown-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!"),
            5 => Encoding.ASCII.GetBytes("From: \"unterminated <a@\r\nSubject: =?utf-8?B?broken?=\r\nMessage-ID: <<<>>>\r\n\r\nx"),
            6 => [.. "From: a@example.it\r\nSubject: x\r\n\r\n"u8, .. Enumerable.Range(0, 2000).Select(_ => (byte)random.Next(256))],
            _ => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n", 200))),
        };
    }

    public void Dispose() => harness.Dispose();
}
