using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ContactCenter.Testing.Smtp;

/// <summary>Hands each DATA block to the test server, which keeps it or misbehaves as its mode says.</summary>
internal sealed class CollectingMessageStore(SmtpTestServer server) : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var mode = server.Mode;
        if (mode == SmtpTestServerMode.TemporaryFailure)
        {
            return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "4.3.0 try again later"));
        }

        var raw = buffer.ToArray();
        var message = MimeMessage.Load(new MemoryStream(raw, writable: false), cancellationToken);
        server.Add(new ReceivedSmtpMessage(
            raw, message, transaction.From.AsAddress(), transaction.To.Select(m => m.AsAddress()).ToList(), DateTimeOffset.UtcNow));

        if (mode == SmtpTestServerMode.AcceptThenDropConnection)
        {
            throw new IOException("test server drops the connection after taking the message");
        }

        return Task.FromResult(SmtpResponse.Ok);
    }
}
