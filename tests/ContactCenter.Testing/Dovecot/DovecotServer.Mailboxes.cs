using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace ContactCenter.Testing.Dovecot;

/// <summary>Test-side access to the mailboxes over plain IMAP (separate connections from the code under test).</summary>
public sealed partial class DovecotServer
{
    public async Task<ImapClient> ConnectImapAsync(string user, CancellationToken cancellationToken = default)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Host, ImapPort, SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(user, Password, cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Appends one message (created folder if missing) with an optional INTERNALDATE; returns its UID.</summary>
    public Task<UniqueId?> AppendAsync(
        string user, MimeMessage message, string folder = "INBOX", DateTimeOffset? internalDate = null,
        MessageFlags flags = MessageFlags.None, CancellationToken cancellationToken = default) =>
        WithFolderAsync(user, folder, f => f.AppendAsync(
            internalDate is { } d ? new AppendRequest(message, flags, d) : new AppendRequest(message, flags), cancellationToken),
            cancellationToken);

    /// <summary>Appends raw bytes, parsed by MimeKit (which writes an unmodified message back byte for byte).</summary>
    public Task<UniqueId?> AppendAsync(
        string user, byte[] message, string folder = "INBOX", DateTimeOffset? internalDate = null,
        CancellationToken cancellationToken = default) =>
        AppendAsync(user, MimeMessage.Load(new MemoryStream(message)), folder, internalDate, MessageFlags.None, cancellationToken);

    /// <summary>Appends many messages in MULTIAPPEND commands of 100.</summary>
    public Task<int> AppendManyAsync(
        string user, IEnumerable<MimeMessage> messages, string folder = "INBOX", CancellationToken cancellationToken = default) =>
        WithFolderAsync(user, folder, async f =>
        {
            var count = 0;
            foreach (var chunk in messages.Chunk(100))
            {
                await f.AppendAsync(chunk.Select(m => (IAppendRequest)new AppendRequest(m, MessageFlags.None)).ToList(), cancellationToken)
                    .ConfigureAwait(false);
                count += chunk.Length;
            }

            return count;
        }, cancellationToken);

    /// <summary>How many messages a folder holds (0 when the folder does not exist).</summary>
    public async Task<int> CountAsync(string user, string folder = "INBOX", CancellationToken cancellationToken = default)
    {
        using var client = await ConnectImapAsync(user, cancellationToken).ConfigureAwait(false);
        IMailFolder mailFolder;
        try
        {
            mailFolder = await client.GetFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            return 0;
        }

        await mailFolder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        var count = mailFolder.Count;
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>The Subject headers in a folder, in UID order.</summary>
    public Task<List<string>> SubjectsAsync(string user, string folder = "INBOX", CancellationToken cancellationToken = default) =>
        WithFolderAsync(user, folder, async f =>
        {
            await f.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
            var summaries = await f.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope | MessageSummaryItems.UniqueId), cancellationToken)
                .ConfigureAwait(false);
            return summaries.OrderBy(s => s.UniqueId.Id).Select(s => s.Envelope?.Subject ?? "").ToList();
        }, cancellationToken);

    private async Task<T> WithFolderAsync<T>(string user, string folder, Func<IMailFolder, Task<T>> action, CancellationToken cancellationToken)
    {
        using var client = await ConnectImapAsync(user, cancellationToken).ConfigureAwait(false);
        IMailFolder mailFolder;
        try
        {
            mailFolder = await client.GetFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            mailFolder = await root.CreateAsync(folder, true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Cannot create {folder}");
        }

        var result = await action(mailFolder).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
