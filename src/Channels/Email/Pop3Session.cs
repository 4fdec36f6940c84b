using ContactCenter.Channels.OAuth;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// One POP3 session and the UIDL and size lists read when it opened. Message indexes are only valid inside the session that
/// listed them, so the two live and die together. Deletions flagged in it (DELE) take effect only at its QUIT: a session
/// dropped without one leaves every message on the server.
/// </summary>
internal sealed class Pop3Session(
    string channel, Pop3ChannelOptions options, ILogger logger, ConnectionWarnings warnings, OAuth2TokenCache? oauth2 = null)
{
    private Pop3Client? _client;
    private OAuth2Token? _sessionToken;
    private IList<string>? _uidls;
    private IList<int>? _sizes;

    /// <summary>
    /// How many flagged deletions a session may hold before a QUIT commits them within a poll: each QUIT costs a new
    /// session (connect, login, UIDL, LIST: about eight round trips), and a crash loses at most this many deletions, whose
    /// messages are then fetched again and recognised as stored.
    /// </summary>
    public const int CommitAfter = 1000;

    public int Port => MailConnector.ResolvePort(options, 110, 995);

    /// <summary>Deletions flagged in this session that its QUIT has not committed yet.</summary>
    public int Flagged { get; private set; }

    /// <summary>The UIDLs of the open session by message index; only after <see cref="EnsureOpenAsync"/>.</summary>
    public IList<string> Uidls => _uidls ?? throw new InvalidOperationException("No POP3 session is open.");

    /// <summary>The messages' sizes (LIST) by message index, so an oversized one need not be downloaded.</summary>
    public IList<int> Sizes => _sizes ?? throw new InvalidOperationException("No POP3 session is open.");

    public async Task<Pop3Client> EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } && _uidls is not null)
        {
            if (_sessionToken is not { } token || !oauth2!.HasExpired(token))
            {
                return _client;
            }

            // A poll's session outlived its token (a provider may end such a session): QUIT commits what it flagged,
            // and a new session logs in with a fresh token.
            OAuth2Log.SessionTokenExpired(logger, channel);
            await QuitAsync(cancellationToken).ConfigureAwait(false);
        }

        await CloseAsync(quit: false).ConfigureAwait(false);
        var client = new Pop3Client();
        try
        {
            _sessionToken = await MailConnector.ConnectAsync(client, options, channel, "POP3", Port, logger, cancellationToken, oauth2, warnings)
                .ConfigureAwait(false);
            _uidls = await client.GetMessageUidsAsync(cancellationToken).ConfigureAwait(false);
            _sizes = await client.GetMessageSizesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await MailConnector.QuietDisconnectAsync(client, quit: false, channel, logger).ConfigureAwait(false);
            throw;
        }

        _client = client;
        return client;
    }

    /// <summary>Flags messages of this session for deletion (DELE); the session's QUIT commits them.</summary>
    public async Task DeleteAsync(IList<int> indexes, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("No POP3 session is open.");
        await client.DeleteMessagesAsync(indexes, cancellationToken).ConfigureAwait(false);
        Flagged += indexes.Count;
    }

    /// <summary>Ends the session with QUIT, committing its deletions (a failure is thrown: they did not happen).</summary>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        var (client, flagged) = (_client, Flagged);
        if (client is { IsConnected: true })
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            LogCommitted(flagged);
        }

        await CloseAsync(quit: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the session without throwing; <paramref name="quit"/> commits what it flagged for deletion (a QUIT that fails
    /// is logged, and they did not happen), false drops it.
    /// </summary>
    public async Task CloseAsync(bool quit)
    {
        var (client, flagged) = (_client, Flagged);
        _client = null;
        _uidls = null;
        _sizes = null;
        Flagged = 0;
        var committing = quit && flagged > 0;
        var clean = await MailConnector.QuietDisconnectAsync(client, quit, channel, logger, committing ? options.Timeout : null).ConfigureAwait(false);
        if (clean && committing)
        {
            LogCommitted(flagged);
        }
    }

    private void LogCommitted(int flagged)
    {
        if (flagged > 0)
        {
            EmailSourceLog.Pop3DeletionsCommitted(logger, channel, flagged);
        }
    }
}
