using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Reads the source folder's quota once a poll, where the server offers the QUOTA extension: one round trip, after the
/// poll's first step has checked the connection and selected the folder.
/// </summary>
internal sealed class ImapQuotaReader(string channel, ImapConnection connection, MailboxQuotaRegistry registry, ILogger logger, TimeProvider time)
{
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var (client, folder) = await connection.OpenSourceFolderAsync(check: false, cancellationToken).ConfigureAwait(false);
        try
        {
            if (await MailboxQuota.ReadAsync(client, folder, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } reading)
            {
                registry.Record(channel, reading);
                EmailSourceLog.Quota(logger, channel, reading.Root, reading.Describe());
            }
        }
        catch (ImapCommandException ex)
        {
            // The server lists QUOTA but refuses it for this folder: the reading stays unknown, and ingest goes on.
            EmailSourceLog.QuotaRefused(logger, channel, ex.Message);
        }
    }
}
