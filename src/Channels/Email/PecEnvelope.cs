using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The provider's envelope around a message received by a PEC mailbox: its kind, the sender's original message
/// (<c>postacert.eml</c>) and the certification data (<c>daticert.xml</c>). The provider's S/MIME signature is not
/// verified here; the envelope is archived byte for byte, so it can be verified later.
/// </summary>
internal sealed record PecEnvelope(PecEnvelopeKind Kind, string Detail, MessagePart? Original, MimePart? CertificationData)
{
    public const string TransportHeader = "X-Trasporto";
    public const string ReceiptHeader = "X-Ricevuta";

    /// <summary>Null when the message carries neither PEC header (e.g. mail from a non-PEC system).</summary>
    public static PecEnvelope? Read(MimeMessage message)
    {
        if (message.Headers[ReceiptHeader] is { } receipt)
        {
            return new PecEnvelope(PecEnvelopeKind.Receipt, receipt.Trim(), null, null);
        }

        var transport = message.Headers[TransportHeader]?.Trim();
        if (transport is null)
        {
            return null;
        }

        var kind = transport.Equals("errore", StringComparison.OrdinalIgnoreCase) ? PecEnvelopeKind.Anomaly : PecEnvelopeKind.Certified;
        var parts = Leaves(message.Body).ToList();
        var messages = parts.OfType<MessagePart>().Where(p => p.Message is not null).ToList();
        var original = messages.FirstOrDefault(p => Named(p, "postacert.eml")) ?? messages.FirstOrDefault();
        var data = parts.OfType<MimePart>().FirstOrDefault(p => Named(p, "daticert.xml"));
        return new PecEnvelope(kind, transport, original, data);
    }

    /// <summary>The envelope's own parts: multiparts are opened (the signed one included), attached messages are not.</summary>
    private static IEnumerable<MimeEntity> Leaves(MimeEntity? entity)
    {
        if (entity is Multipart multipart)
        {
            return multipart.SelectMany(Leaves);
        }

        return entity is null ? [] : [entity];
    }

    private static bool Named(MimeEntity entity, string name) =>
        string.Equals(entity.ContentDisposition?.FileName ?? entity.ContentType.Name, name, StringComparison.OrdinalIgnoreCase);
}
