using ContactCenter.Core.Intake;
using ContactCenter.Testing.Voice;
using MimeKit;

namespace ContactCenter.Channels.Tests.Voice;

public sealed class VoicemailNormalizerTests : IDisposable
{
    private readonly VoicemailHarness harness = new(minDuration: TimeSpan.FromSeconds(3));

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Normalize_MessageUnderMinDuration_IsRejectedWithItsDuration()
    {
        var act = () => harness.NormalizeAsync(VoicemailMail.Asterisk("3331234567", "Mario Rossi", 1));

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).Which.Message.Should()
            .StartWith("Empty voicemail: 1 s, under ContactCenter:Voicemail:MinDuration (3 s); no ticket.");
    }

    [Fact]
    public async Task Normalize_RecordingWithoutSamples_IsAnEmptyMessage()
    {
        var act = () => harness.NormalizeAsync(VoicemailMail.Generic("3331234567", TestAudio.Wav(TimeSpan.Zero), "vm.wav"));

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).Which.Message.Should().StartWith("Empty voicemail: 0 s");
    }

    [Fact]
    public async Task Normalize_ThePbxTestNotification_IsRejectedAsATest()
    {
        var message = new MimeMessage { Subject = "Test voicemail notification" };
        message.From.Add(MailboxAddress.Parse(VoicemailMail.PbxAddress));
        message.Headers.Add("X-Asterisk-VM-Extension", "200");
        message.Body = new TextPart("plain") { Text = "This is a test message from your PBX." };

        var act = () => harness.NormalizeAsync(message);

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).Which.Message.Should().StartWith("The PBX's test notification");
    }

    [Fact]
    public async Task Normalize_OrdinaryMailWithoutAudio_IsNotAVoicemail()
    {
        var message = new MimeMessage { Subject = "Richiesta informazioni" };
        message.From.Add(MailboxAddress.Parse("cittadino@example.it"));
        message.Body = new TextPart("plain") { Text = "Buongiorno, vi chiamo al 3331234567." };

        var act = () => harness.NormalizeAsync(message);

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).Which.Message.Should()
            .Contain("Not a voicemail notification").And.Contain("no X-Asterisk-VM headers and no audio attachment");
    }

    [Fact]
    public async Task Normalize_NotificationWithThousandsOfParts_RejectedWithTheMailLimitsKey()
    {
        var message = VoicemailMail.Asterisk("3331234567", "Mario Rossi", 25);
        var body = (Multipart)message.Body!;
        for (var i = 0; i < 1_500; i++)
        {
            body.Add(new TextPart("plain") { Text = "x" });
        }

        var act = () => harness.NormalizeAsync(message);

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).Which.Message.Should()
            .Contain("more than 1000 MIME parts").And.Contain("ContactCenter:Mail:MaxMimeParts");
    }

    [Fact]
    public async Task Normalize_ItalianAsteriskBody_WithoutAttachment_StillOpensATicketPointingToTheMailbox()
    {
        var message = VoicemailMail.Asterisk("+39 333 765 4321", "Giulia Bianchi", 25, mailbox: "300", messageNumber: 4, italian: true);
        message.Body = ((Multipart)message.Body!)[0];

        var draft = await harness.NormalizeAsync(message);

        draft.Sender.Phone.Should().Be("+393337654321");
        draft.Attachments.Should().BeEmpty();
        draft.TextBody.Should().Contain("La registrazione non è allegata alla notifica: ascoltarla dalla casella vocale 300.");
        draft.Metadata["voicemail.duration"].Should().Be("25");
        draft.NeedsReview.Should().BeTrue();
    }

    [Fact]
    public async Task Normalize_WithheldNumber_HasNoPhoneAndSaysSo()
    {
        var draft = await harness.NormalizeAsync(VoicemailMail.Asterisk("<unknown>", "<unknown>", 10));

        draft.Sender.Phone.Should().BeNull();
        draft.Sender.DisplayName.Should().BeNull();
        draft.Subject.Should().Be("Messaggio in segreteria da numero sconosciuto");
        draft.Metadata.Should().NotContainKey("voicemail.callerId");
    }

    [Fact]
    public async Task Normalize_PbxMailWithoutMessageId_KnownAgainByItsOriginal()
    {
        var message = VoicemailMail.Asterisk("+39 333 765 4321", "Giulia Bianchi", 25);
        message.Headers.Remove(HeaderId.MessageId);

        var draft = await harness.NormalizeAsync(message);

        draft.MessageId.Should().BeNull();
        draft.SameItemKey.Should().Be($"original:{draft.ChannelName}/{draft.Original!.Sha256}");
        (await harness.NormalizeAsync(VoicemailMail.Asterisk("+39 333 765 4321", "Giulia Bianchi", 25))).SameItemKey
            .Should().BeNull("a PBX's Message-ID knows the notice again");
    }
}
