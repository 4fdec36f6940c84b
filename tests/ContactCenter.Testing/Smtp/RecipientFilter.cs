using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace ContactCenter.Testing.Smtp;

/// <summary>Refuses RCPT TO for the server's rejected recipients with a permanent 5xx, as a real relay does for unknown users.</summary>
internal sealed class RecipientFilter(SmtpTestServer server) : MailboxFilter
{
    public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
        Task.FromResult(!server.RejectedRecipients.ContainsKey(to.AsAddress()));
}
