using System.Diagnostics;
using ContactCenter.Testing.Dovecot;
using MailKit.Net.Pop3;
using MailKit.Security;
using MimeKit;

namespace ContactCenter.Bench.Mail;

/// <summary>
/// The floor a POP3 ingest is compared with: MailKit retrieving every message (pipelined RETR in batches of
/// <see cref="Batch"/> through GetStreamsAsync) and MimeKit parsing each, and nothing else: no archive, no store, no DELE.
/// Through the port given (a relay in front of the server), else to the server itself.
/// </summary>
internal static class Pop3Floor
{
    public const int Batch = 500;

    public static async Task<(int Messages, long Bytes, TimeSpan Elapsed)> FetchAndParseAsync(
        DovecotServer server, string user, CancellationToken cancellationToken, int? port = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var client = new Pop3Client();
        await client.ConnectAsync(DovecotServer.Host, port ?? server.Pop3Port, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(user, DovecotServer.Password, cancellationToken);
        var count = await client.GetMessageCountAsync(cancellationToken);
        var messages = 0;
        long bytes = 0;
        foreach (var chunk in Enumerable.Range(0, count).Chunk(Batch))
        {
            foreach (var stream in await client.GetStreamsAsync(chunk, headersOnly: false, cancellationToken))
            {
                using (stream)
                {
                    var message = MimeMessage.Load(stream, cancellationToken);
                    bytes += stream.Length;
                    messages += message.MessageId is null ? 0 : 1;
                }
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return (messages, bytes, elapsed);
    }
}
