using ContactCenter.Core.Tickets;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Email;

public sealed class EmailNormalizerPecTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Normalize_CertifiedEnvelopeOnPecChannel_TicketIsTheSendersOwnMessage()
    {
        var raw = Sample("01-segnalazione-comune.eml");

        var draft = await harness.Normalizer.NormalizeAsync(harness.Item(raw, ChannelKind.Pec), CancellationToken.None);

        draft.Channel.Should().Be(ChannelKind.Pec);
        draft.Subject.Should().Be("Richiesta di sopralluogo per dissesto idrogeologico - frana in località Colle Alto");
        draft.Sender.Email.Should().Be("protocollo@pec.comune.sanvito.example.it");
        draft.Sender.DisplayName.Should().Be("Comune di San Vito - Protocollo");
        draft.ReplyAddress.Should().Be("protocollo@pec.comune.sanvito.example.it");
        draft.MessageId.Should().Be("8f1c2a7e.4411.prot-2026-0001234@comune.sanvito.example.it", "the sender's Message-ID, as X-Riferimento-Message-ID says");
        draft.TextBody.Should().Contain("frana in località Colle Alto").And.NotContain("Messaggio di posta certificata");
        draft.AutomaticMail.Should().Be(AutomaticMailKind.None);
        draft.Attachments.Select(a => a.FileName).Should().BeEquivalentTo("relazione-ufficio-tecnico.txt", "postacert.eml", "daticert.xml");
        harness.Text(draft.Attachments.Single(a => a.FileName == "postacert.eml")).Should().StartWith("Date: Mon, 16 Mar 2026 10:14:51 +0100");
        harness.Bytes(draft.Original!).Should().Equal(raw, "the provider's signed envelope is archived byte for byte");
        draft.Metadata.Should().Contain("pec.envelope", "posta-certificata")
            .And.Contain("pec.from", "posta-certificata@pec.gestore.example.it")
            .And.Contain("pec.provider", "GESTORE PEC DI ESEMPIO S.p.A.")
            .And.Contain("pec.id", "opec292.20260316101502.30211.527.1.61@pec.gestore.example.it")
            .And.Contain("pec.acceptedAt", "2026-03-16T10:15:02+01:00");
    }

    [Fact]
    public async Task Normalize_PecReceipt_OpensNoTicket()
    {
        var draft = await harness.Normalizer.NormalizeAsync(harness.Item(Sample("02-ricevuta-avvenuta-consegna.eml"), ChannelKind.Pec), CancellationToken.None);

        draft.AutomaticMail.Should().Be(AutomaticMailKind.AutoReply);
        draft.AutomaticMailReason.Should().Be("PEC receipt (X-Ricevuta: avvenuta-consegna)");
        draft.ReplyAddress.Should().BeNull("a receipt is never answered");
        draft.Metadata.Should().Contain("pec.envelope", "ricevuta avvenuta-consegna");
    }

    [Fact]
    public async Task Normalize_PecHeadersOnAnOrdinaryChannel_Ignored()
    {
        var draft = await harness.NormalizeAsync(Sample("01-segnalazione-comune.eml"));

        draft.Channel.Should().Be(ChannelKind.Email);
        draft.Subject.Should().StartWith("POSTA CERTIFICATA:", "PEC headers are anyone's to forge outside a PEC mailbox");
        draft.Metadata.Keys.Should().NotContain(k => k.StartsWith("pec.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Normalize_AnomalyEnvelope_OriginalReadButCountedAsEmail()
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Sample("01-segnalazione-comune.eml"))
            .Replace("X-Trasporto: posta-certificata", "X-Trasporto: errore", StringComparison.Ordinal));

        var draft = await harness.Normalizer.NormalizeAsync(harness.Item(raw, ChannelKind.Pec), CancellationToken.None);

        draft.Channel.Should().Be(ChannelKind.Email, "ordinary mail wrapped by the provider is not certified");
        draft.Sender.Email.Should().Be("protocollo@pec.comune.sanvito.example.it");
        draft.Metadata.Should().Contain("pec.envelope", "errore");
    }

    [Fact]
    public async Task Normalize_PlainMailInAPecMailbox_CountedAsEmailLikeAnAnomaly()
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(
            "From: Mario Rossi <mario.rossi@example.it>\r\nTo: protezionecivile@pec.protezionecivile.example.it\r\n" +
            "Subject: Richiesta informazioni\r\nMessage-ID: <plain.1@example.it>\r\nDate: Mon, 16 Mar 2026 10:00:00 +0100\r\n\r\nBuongiorno.\r\n");

        var draft = await harness.Normalizer.NormalizeAsync(harness.Item(raw, ChannelKind.Pec), CancellationToken.None);

        draft.Channel.Should().Be(ChannelKind.Email, "mail without a certified envelope is not PEC, wrapped or not");
        draft.Sender.Email.Should().Be("mario.rossi@example.it");
        draft.Metadata.Keys.Should().NotContain(k => k.StartsWith("pec.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Normalize_DaticertWithTheProvidersDoctype_KeepsTheCertificationData()
    {
        var raw = WithDaticertPrologue("<!DOCTYPE postacert SYSTEM \"Postacert.dtd\">");

        var draft = await harness.Normalizer.NormalizeAsync(harness.Item(raw, ChannelKind.Pec), CancellationToken.None);

        draft.Metadata.Should().NotContainKey("pec.daticertError");
        draft.Metadata.Should().Contain("pec.provider", "GESTORE PEC DI ESEMPIO S.p.A.")
            .And.Contain("pec.id", "opec292.20260316101502.30211.527.1.61@pec.gestore.example.it")
            .And.Contain("pec.acceptedAt", "2026-03-16T10:15:02+01:00");
    }

    [Fact]
    public async Task Normalize_DaticertWithAnExternalEntity_NeverResolvesIt()
    {
        var secret = Path.Combine(harness.ArchiveRoot, "..", "segreto.txt");
        File.WriteAllText(secret, "CONTENUTO-RISERVATO");
        var raw = WithDaticertPrologue($"<!DOCTYPE postacert [<!ENTITY x SYSTEM \"file://{Path.GetFullPath(secret)}\">]>",
            "<gestore-emittente>&x;</gestore-emittente>");

        var draft = await harness.Normalizer.NormalizeAsync(harness.Item(raw, ChannelKind.Pec), CancellationToken.None);

        draft.Subject.Should().StartWith("Richiesta di sopralluogo", "a bad daticert.xml does not fail the message");
        draft.Metadata.Should().ContainKey("pec.daticertError");
        draft.Metadata.Values.Should().NotContain(v => v.Contains("CONTENUTO-RISERVATO", StringComparison.Ordinal));
        draft.Metadata.Keys.Should().NotContain("pec.provider");
    }

    private static byte[] WithDaticertPrologue(string doctype, string? provider = null)
    {
        var text = System.Text.Encoding.UTF8.GetString(Sample("01-segnalazione-comune.eml"))
            .Replace("<postacert tipo=\"posta-certificata\"", doctype + "\n<postacert tipo=\"posta-certificata\"", StringComparison.Ordinal);
        if (provider is not null)
        {
            text = text.Replace("<gestore-emittente>GESTORE PEC DI ESEMPIO S.p.A.</gestore-emittente>", provider, StringComparison.Ordinal);
        }

        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "samples", "pec", name));
}
