using System.Globalization;
using ContactCenter.Channels.Voice;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Voice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Channels.Tests.Voice;

/// <summary>
/// Voicemail notifications written in Asterisk's and FreePBX's formats, delivered to the test Dovecot and read by the
/// Voicemail channel's IMAP and POP3 sources, then normalised.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class VoicemailChannelTests(DovecotFixture fixture) : IDisposable
{
    private const string Prefix = "ContactCenter:Channels:segreteria";
    private readonly VoicemailHarness harness = new();
    private readonly TempDirectory folder = new("cc-voicemail-channel");

    public void Dispose()
    {
        harness.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Imap_AsteriskNotificationWithWav_BecomesAVoicemailDraft()
    {
        var user = fixture.Server.CreateUser("vm-asterisk");
        var wav = TestAudio.Wav(TimeSpan.FromSeconds(7));
        await fixture.Server.AppendAsync(user, VoicemailMail.Asterisk("3331234567", "Mario Rossi", 7, audio: wav));
        var factory = new VoicemailChannelFactory();
        var section = Section(user, "Imap", fixture.Server.ImapPort);
        using var services = new ServiceCollection().BuildServiceProvider();

        factory.Validate(section).Should().BeEmpty();
        await using var source = factory.Create(section, services);
        var item = (await source.PollAllAsync(acknowledge: true)).Items().Single();
        var draft = await harness.Normalizer.NormalizeAsync(item, CancellationToken.None);

        source.Channel.Should().Be(ChannelKind.Voicemail);
        item.SourceKey.Should().StartWith($"imap:{user}@{DovecotServer.Host}/INBOX/");
        draft.Channel.Should().Be(ChannelKind.Voicemail);
        draft.Sender.Phone.Should().Be("+393331234567");
        draft.Sender.DisplayName.Should().Be("Mario Rossi");
        draft.ReplyAddress.Should().BeNull("the PBX's own address never gets a receipt");
        draft.Subject.Should().Be("Messaggio in segreteria da Mario Rossi (+393331234567)");
        draft.TextBody.Should().Contain("da ascoltare").And.Contain("Durata: 0:07").And.Contain("Casella vocale: 200 (messaggio n. 1)")
            .And.Contain("msg0000.wav");
        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("nessuna trascrizione");
        draft.Metadata.Should().Contain(new Dictionary<string, string>
        {
            ["voicemail.duration"] = "7", ["voicemail.mailbox"] = "200", ["voicemail.messageNumber"] = "1",
            ["voicemail.callerId"] = "3331234567", ["voicemail.format"] = "asterisk",
        });
        var audio = draft.Attachments.Should().ContainSingle().Subject;
        audio.FileName.Should().Be("msg0000.wav");
        audio.ContentType.Should().Be("audio/wav");
        harness.Read(audio).Should().Equal(wav, "the recording is kept byte for byte");
        draft.Original!.ContentType.Should().Be("message/rfc822");
        audio.InOriginal!.Sha256.Should().Be(draft.Original.Sha256, "the recording is read from the notification it came in, not archived twice");
        harness.Archive.Contains(audio.Sha256).Should().BeFalse();
        (await fixture.Server.CountAsync(user, "Processed")).Should().Be(1);
    }

    [Fact]
    public async Task Pop3_FreePbxNotificationWithMp3_BecomesAVoicemailDraft()
    {
        var user = fixture.Server.CreateUser("vm-freepbx");
        await fixture.Server.AppendAsync(user, VoicemailMail.FreePbx("06 6820 1234", "COMUNE DI ROMA", 12));
        var factory = new VoicemailChannelFactory();
        var section = Section(user, "Pop3", fixture.Server.Pop3Port, ("StateDirectory", folder.Path));
        using var services = new ServiceCollection().BuildServiceProvider();

        factory.Validate(section).Should().BeEmpty();
        await using var source = factory.Create(section, services);
        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        var draft = await harness.Normalizer.NormalizeAsync(item, CancellationToken.None);

        item.Channel.Should().Be(ChannelKind.Voicemail);
        item.SourceKey.Should().StartWith("pop3:");
        draft.Sender.Phone.Should().Be("+390668201234");
        draft.Metadata["voicemail.format"].Should().Be("freepbx");
        draft.Metadata["voicemail.duration"].Should().Be("12");
        draft.Metadata["voicemail.mailbox"].Should().Be("201");
        var audio = draft.Attachments.Should().ContainSingle().Subject;
        audio.FileName.Should().Be("msg0001.mp3");
        audio.ContentType.Should().Be("audio/mpeg");
        audio.Size.Should().Be(TestAudio.Mp3(TimeSpan.FromSeconds(12)).Length);
    }

    [Fact]
    public async Task MailDrop_GenericCarrierMessage_TakesTheNumberFromTheSubject()
    {
        var inbox = Directory.CreateDirectory(folder.Combine("drop")).FullName;
        var message = VoicemailMail.Generic("0612345678", TestAudio.Wav(TimeSpan.FromSeconds(9)), "voicemail.wav");
        await using (var file = File.Create(Path.Combine(inbox, "vm.eml")))
        {
            await message.WriteToAsync(file);
        }

        var section = Section(null, "MailDrop", 0, ("Path", inbox), ("StableFor", "00:00:00"));
        var factory = new VoicemailChannelFactory();
        using var services = new ServiceCollection().BuildServiceProvider();

        factory.Validate(section).Should().BeEmpty();
        await using var source = factory.Create(section, services);
        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        var draft = await harness.Normalizer.NormalizeAsync(item, CancellationToken.None);

        item.Channel.Should().Be(ChannelKind.Voicemail);
        draft.Sender.Phone.Should().Be("+390612345678");
        draft.Metadata["voicemail.format"].Should().Be("generic");
        draft.Metadata["voicemail.duration"].Should().Be("9", "measured from the WAV itself when the notification does not say");
    }

    [Fact]
    public void Validate_UnknownSource_AndPec_AreRefusedWithTheirKeys()
    {
        var factory = new VoicemailChannelFactory();

        factory.Validate(Section("u", "Ftp", 143)).Should().ContainSingle().Which.Should()
            .Be($"{Prefix}:Source: 'Ftp' is not one of Imap, Pop3, MailDrop");
        factory.Validate(Section("u", "Imap", 143, ("Pec", "true"))).Should().Contain($"{Prefix}:Pec: a Voicemail channel cannot be a PEC mailbox");
        factory.Validate(Section(null, "MailDrop", 0)).Should().Contain(e => e.StartsWith($"{Prefix}:Path: "));
        factory.Validate(Section("u", "Pop3", 110, ("Folder", "INBOX"))).Should()
            .Contain(e => e.StartsWith($"{Prefix}:Folder: unknown setting for a Voicemail channel"), "Folder is an IMAP key");
    }

    private static IConfigurationSection Section(string? user, string source, int port, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?> { [$"{Prefix}:Type"] = "Voicemail", [$"{Prefix}:Source"] = source };
        if (user is not null)
        {
            values[$"{Prefix}:Host"] = DovecotServer.Host;
            values[$"{Prefix}:Port"] = port.ToString(CultureInfo.InvariantCulture);
            values[$"{Prefix}:Security"] = "None";
            values[$"{Prefix}:User"] = user;
            values[$"{Prefix}:Password"] = DovecotServer.Password;
        }

        foreach (var (key, value) in extra)
        {
            values[$"{Prefix}:{key}"] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(Prefix);
    }
}
