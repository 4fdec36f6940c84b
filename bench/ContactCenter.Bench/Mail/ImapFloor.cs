using System.Diagnostics;
using ContactCenter.Testing.Dovecot;
using MailKit;
using MailKit.Search;
using MimeKit;

namespace ContactCenter.Bench.Mail;

/// <summary>
/// The floor an end-to-end ingest is compared with: MailKit fetching every message of INBOX (UID batches of 500
/// through GetStreamsAsync) and MimeKit parsing each, and nothing else: no archive, no store, no MOVE. Through
/// the port given (a relay in front of the server), else to the server itself; with <c>tls</c> over implicit TLS (the
/// test server's certificate is self-signed, so it is accepted as the channel's <c>AcceptInvalidCertificates</c> does).
/// </summary>
internal static class ImapFloor
{
    public const int UidBatch = 500;

    public static async Task<(int Messages, long Bytes, TimeSpan Elapsed)> FetchAndParseAsync(
        DovecotServer server, string user, CancellationToken cancellationToken, int? port = null, bool tls = false)
    {
        var started = Stopwatch.GetTimestamp();
        using var client = new MailKit.Net.Imap.ImapClient();
        if (tls)
        {
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }

        await client.ConnectAsync(DovecotServer.Host, port ?? server.ImapPort,
            tls ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(user, DovecotServer.Password, cancellationToken);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var uids = await inbox.SearchAsync(SearchQuery.All, cancellationToken);
        var messages = 0;
        long bytes = 0;
        foreach (var chunk in uids.Chunk(UidBatch))
        {
            await ((MailKit.Net.Imap.ImapFolder)inbox).GetStreamsAsync(chunk, (_, _, _, stream, ct) =>
            {
                var message = MimeMessage.Load(stream, ct);
                bytes += stream.Length;
                messages += message.MessageId is null ? 0 : 1;
                return Task.CompletedTask;
            }, cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await client.DisconnectAsync(true, cancellationToken);
        return (messages, bytes, elapsed);
    }
}
