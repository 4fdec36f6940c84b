using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>Creates the Processed and Quarantine folders the first time a mailbox is used.</summary>
internal static class ImapFolders
{
    public static async Task EnsureExistsAsync(ImapClient client, string name, string channel, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetFolderAsync(name, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (FolderNotFoundException)
        {
        }

        var root = client.GetFolder(client.PersonalNamespaces[0]);
        IMailFolder parent = root;
        var segments = name.Split(root.DirectorySeparator, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            IMailFolder? existing = null;
            try
            {
                existing = await client.GetFolderAsync(string.Join(root.DirectorySeparator, segments[..(i + 1)]), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (FolderNotFoundException)
            {
            }

            parent = existing
                ?? await parent.CreateAsync(segments[i], isMessageFolder: last, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The server did not create the folder {name}.");
        }

        EmailSourceLog.FolderCreated(logger, channel, name);
    }
}
