using MimeKit;

namespace ContactCenter.Testing.Smtp;

/// <summary>One message as the test SMTP server received it: the exact bytes of DATA, parsed, and the envelope.</summary>
public sealed record ReceivedSmtpMessage(
    byte[] Raw,
    MimeMessage Message,
    string EnvelopeFrom,
    IReadOnlyList<string> EnvelopeTo,
    DateTimeOffset ReceivedAt);
