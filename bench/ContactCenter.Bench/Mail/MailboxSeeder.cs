using System.Diagnostics;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Bench.Mail;

/// <summary>Fills a Dovecot user's INBOX by Maildir delivery, then lets Dovecot index it before anything is timed.</summary>
internal static class MailboxSeeder
{
    public static async Task<(int Count, long Bytes, TimeSpan Elapsed)> SeedAsync(
        DovecotServer server, string user, BulkMail mail, int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long bytes = 0;
        var delivered = MaildirDelivery.Deliver(server.MaildirPath(user), Enumerable.Range(0, count).Select(n =>
        {
            var message = mail.CreateBytes(n);
            bytes += message.Length;
            return message;
        }));

        // The first SELECT moves new/ to cur/ and builds the index: paid here, not by the floor or the ingest.
        var indexed = await server.CountAsync(user, "INBOX", cancellationToken);
        if (indexed != delivered)
        {
            throw new InvalidOperationException($"Dovecot sees {indexed} messages in INBOX, {delivered} were delivered");
        }

        return (delivered, bytes, Stopwatch.GetElapsedTime(started));
    }
}
