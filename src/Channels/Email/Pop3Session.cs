using ContactCenter.Channels.OAuth;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// One POP3 session and the UIDL and size lists read when it opened. Message indexes are only valid inside the session that
/// listed them, so the two live and die together.
/// </summary>
internal sealed class Pop3Session(
    string channel, Pop3ChannelOptions options, ILogger logger, ConnectionWarnings warnings, OAuth2TokenCache? oauth2 = null)
{
    private Pop3Client? _client;
    private IList<string>? _uidls;
    private IList<int>? _sizes;

    public int Port => MailConnector.ResolvePort(options, 110, 995);

    /// <summary>The UIDLs of the open session by message index; only after <see cref="EnsureOpenAsync"/>.</summary>
    public IList<string> Uidls => _uidls ?? throw new InvalidOperationException("No POP3 session is open.");

    /// <summary>The messages' sizes (LIST) by message index, so an oversized one need not be downloaded.</summary>
    public IList<int> Sizes => _sizes ?? throw new InvalidOperationException("No POP3 session is open.");

    public async Task<Pop3Client> EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } && _uidls is not null)
        {
            return _client;
        }

        await CloseAsync(quit: false).ConfigureAwait(false);
        var client = new Pop3Client();
        try
        {
            await MailConnector.ConnectAsync(client, options, channel, "POP3", Port, logger, cancellationToken, oauth2, warnings).ConfigureAwait(false);
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

    /// <summary>Ends the session; <paramref name="quit"/> false also drops whatever it flagged for deletion.</summary>
    public async Task CloseAsync(bool quit)
    {
        var client = _client;
        _client = null;
        _uidls = null;
        _sizes = null;
        await MailConnector.QuietDisconnectAsync(client, quit, channel, logger).ConfigureAwait(false);
    }
}
