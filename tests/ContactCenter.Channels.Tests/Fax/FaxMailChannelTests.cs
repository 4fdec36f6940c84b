using System.Globalization;
using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Channels.Tests.Paper;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using static ContactCenter.Channels.Tests.Paper.TestPages;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>A fax-to-e-mail mailbox on the test Dovecot, read by the FaxMail channel's IMAP source.</summary>
[Collection(DovecotFixture.Collection)]
public sealed class FaxMailChannelTests(DovecotFixture fixture) : IDisposable
{
    private const string Prefix = "ContactCenter:Channels:fax-mail";
    private readonly TempDirectory folder = new("cc-faxmail-imap");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Poll_HylaFaxMail_ItemIsAFaxAndItsDraftHasTheSendersNumber()
    {
        var user = fixture.Server.CreateUser("faxmail");
        await fixture.Server.AppendAsync(user, HylaFaxMail());
        var factory = new FaxMailChannelFactory();
        var section = Section(user);
        using var services = new ServiceCollection().BuildServiceProvider();

        factory.Validate(section).Should().BeEmpty();
        await using var source = factory.Create(section, services);
        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        var normalizer = new FaxMailNormalizer(
            ContentArchives.InFolder(folder.Combine("archive")),
            new FixedTextReader(Page(1, "Oggetto: strada interrotta\nSi segnala una frana.", 85)),
            new PaperTextExtractor(Options.Create(new OcrOptions())),
            NullLogger<FaxMailNormalizer>.Instance);
        var draft = await normalizer.NormalizeAsync(item, CancellationToken.None);

        source.Channel.Should().Be(ChannelKind.Fax);
        item.Channel.Should().Be(ChannelKind.Fax);
        item.ChannelName.Should().Be("fax-mail");
        item.SourceKey.Should().StartWith($"imap:{user}@{DovecotServer.Host}/INBOX/");
        normalizer.CanNormalize(item).Should().BeTrue();
        draft.Channel.Should().Be(ChannelKind.Fax);
        draft.Sender.Fax.Should().Be("+390612345678");
        draft.Subject.Should().Be("strada interrotta");
    }

    [Fact]
    public void Validate_ImapKeysRequired_AndTypeMustBeFaxMail()
    {
        var errors = new FaxMailChannelFactory().Validate(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{Prefix}:Type"] = "Imap", [$"{Prefix}:User"] = "fax" })
            .Build().GetSection(Prefix));

        errors.Should().Contain(e => e.StartsWith($"{Prefix}:Host: "));
        errors.Should().Contain($"{Prefix}:Type: 'Imap' is not FaxMail");
    }

    private IConfigurationSection Section(string user) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{Prefix}:Type"] = "FaxMail",
            [$"{Prefix}:Host"] = DovecotServer.Host,
            [$"{Prefix}:Port"] = fixture.Server.ImapPort.ToString(CultureInfo.InvariantCulture),
            [$"{Prefix}:Security"] = "None",
            [$"{Prefix}:User"] = user,
            [$"{Prefix}:Password"] = DovecotServer.Password,
        })
        .Build()
        .GetSection(Prefix);

    private static MimeMessage HylaFaxMail()
    {
        var message = new MimeMessage { Subject = "Facsimile received from COMUNE DI PROVA" };
        message.From.Add(new MailboxAddress("HylaFAX", "fax@gateway.example.it"));
        message.To.Add(new MailboxAddress("", "protocollo@example.it"));
        var body = new BodyBuilder { TextBody = "recvq/fax00012.tif:\n    Sender: COMUNE DI PROVA\n   CallID1: 06 1234 5678\n" };
        body.Attachments.Add("fax00012.tif", "II*\0fax"u8.ToArray(), new ContentType("image", "tiff"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
