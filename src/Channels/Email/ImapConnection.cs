using ContactCenter.Channels.OAuth;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The IMAP connection an <see cref="ImapSource"/> keeps between polls: checked with NOOP and the folder selected again
/// at the start of each poll, replaced when it died, and the Processed/Quarantine folders created on the first login.
/// The steps after that in the same poll use it as it is: a NOOP and a SELECT before each batch's MOVE were two of its
/// three round trips (on a 20 ms link the e-mail row went from 444-456 to 569-735 msg/s without them), and a SELECT
/// makes the server sync the folder's index again.
/// </summary>
internal sealed class ImapConnection(
    string channel, ImapChannelOptions options, ILogger logger, Func<IProtocolLogger>? protocolLoggerFactory,
    ConnectionWarnings warnings, OAuth2TokenCache? oauth2 = null) : IAsyncDisposable
{
    private ImapClient? _client;
    private OAuth2Token? _sessionToken;
    private bool _foldersChecked;

    public int Port => MailConnector.ResolvePort(options, 143, 993);

    /// <summary>
    /// The configured folder, opened read-write so the acknowledger can flag, move and expunge. A poll's first step
    /// asks for a <paramref name="check"/>: the connection NOOPed (or replaced) and the folder selected afresh; later
    /// steps of the poll find both as the first left them, and a connection that broke since fails their step.
    /// </summary>
    public async Task<(ImapClient Client, ImapFolder Folder)> OpenSourceFolderAsync(bool check, CancellationToken cancellationToken)
    {
        if (!check && _client is { IsConnected: true, IsAuthenticated: true } open && !SessionTokenExpired())
        {
            var selected = (ImapFolder)await open.GetFolderAsync(options.Folder, cancellationToken).ConfigureAwait(false);
            if (selected is { IsOpen: true, Access: FolderAccess.ReadWrite })
            {
                return (open, selected);
            }
        }

        var client = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        var folder = (ImapFolder)await client.GetFolderAsync(options.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        return (client, folder);
    }

    /// <summary>Forgets the connection without LOGOUT: after a failure its state is unknown.</summary>
    public async Task DropAsync()
    {
        var client = _client;
        _client = null;
        await MailConnector.QuietDisconnectAsync(client, quit: false, channel, logger).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await MailConnector.QuietDisconnectAsync(_client, quit: true, channel, logger).ConfigureAwait(false);
        _client = null;
    }

    private async Task<ImapClient> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is not null && SessionTokenExpired())
        {
            // Exchange Online ends a session whose token expired; log in again with a fresh one before it does.
            OAuth2Log.SessionTokenExpired(logger, channel);
        }
        else if (_client is { IsConnected: true, IsAuthenticated: true })
        {
            try
            {
                await _client.NoOpAsync(cancellationToken).ConfigureAwait(false);
                return _client;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EmailSourceLog.ConnectionLost(logger, ex, channel);
            }
        }
        else if (_client is not null)
        {
            EmailSourceLog.ConnectionLost(logger, null, channel);
        }

        await DropAsync().ConfigureAwait(false);
        var client = protocolLoggerFactory is null ? new ImapClient() : new ImapClient(protocolLoggerFactory());
        try
        {
            _sessionToken = await MailConnector.ConnectAsync(client, options, channel, "IMAP", Port, logger, cancellationToken, oauth2, warnings)
                .ConfigureAwait(false);
            await EnsureFoldersOnceAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await MailConnector.QuietDisconnectAsync(client, quit: false, channel, logger).ConfigureAwait(false);
            throw;
        }

        _client = client;
        return client;
    }

    private bool SessionTokenExpired() => _sessionToken is { } token && oauth2!.HasExpired(token);

    private async Task EnsureFoldersOnceAsync(ImapClient client, CancellationToken cancellationToken)
    {
        if (_foldersChecked)
        {
            return;
        }

        await ImapFolders.EnsureExistsAsync(client, options.QuarantineFolder, channel, logger, cancellationToken).ConfigureAwait(false);
        if (options.AfterImport == ImapAfterImport.Move)
        {
            await ImapFolders.EnsureExistsAsync(client, options.ProcessedFolder, channel, logger, cancellationToken).ConfigureAwait(false);
        }

        _foldersChecked = true;
    }
}
