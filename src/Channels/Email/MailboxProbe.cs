using System.Globalization;
using ContactCenter.Channels.OAuth;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// For <c>contactcenter channels check</c>: logs in to a configured mailbox exactly as its source would, lists what is
/// there, and changes nothing. Throws with a message that says what to fix.
/// </summary>
public static class MailboxProbe
{
    private const int MaxFoldersShown = 20;

    /// <param name="oauth2State">Where the service keeps rotated refresh tokens, shared with it.</param>
    public static async Task<string> CheckImapAsync(
        IConfigurationSection section, ILogger logger, CancellationToken cancellationToken, OAuth2State? oauth2State = null)
    {
        var options = section.Get<ImapChannelOptions>() ?? new ImapChannelOptions();
        var port = MailConnector.ResolvePort(options, 143, 993);
        var client = new ImapClient();
        try
        {
            var login = await Connect(client, options, section, "IMAP", port, logger, oauth2State, cancellationToken).ConfigureAwait(false);
            var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.Count, subscribedOnly: false, cancellationToken)
                .ConfigureAwait(false);
            var names = folders.Select(f => f.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains(options.Folder) && !string.Equals(options.Folder, "INBOX", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"the folder '{options.Folder}' does not exist (folders: {string.Join(", ", names.Order())}): fix {section.Path}:Folder.");
            }

            var listed = folders.OrderBy(f => f.FullName, StringComparer.OrdinalIgnoreCase).Take(MaxFoldersShown)
                .Select(f => $"{f.FullName} {f.Count.ToString(CultureInfo.InvariantCulture)}");
            var missing = new[] { options.ProcessedFolder, options.QuarantineFolder }.Where(f => !names.Contains(f))
                .Select(f => $"{f} (created at first use)");
            return $"logged in as {options.User} at {options.Host}:{port}; folders: {string.Join(", ", listed.Concat(missing))}" +
                (folders.Count > MaxFoldersShown ? $" and {folders.Count - MaxFoldersShown} more" : "") +
                await QuotaAsync(client, options.Folder, cancellationToken).ConfigureAwait(false) + login;
        }
        finally
        {
            await MailConnector.QuietDisconnectAsync(client, quit: true, section.Key, logger).ConfigureAwait(false);
        }
    }

    /// <summary>"; mailbox 85% full (870 of 1,024 MiB)" where the server has the QUOTA extension and sets a limit.</summary>
    private static async Task<string> QuotaAsync(ImapClient client, string folder, CancellationToken cancellationToken)
    {
        var source = await client.GetFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        var quota = await MailboxQuota.ReadAsync(client, source, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return quota?.UsedFraction is null ? "" : "; mailbox " + quota.Describe();
    }

    /// <param name="oauth2State">Where the service keeps rotated refresh tokens, shared with it.</param>
    public static async Task<string> CheckPop3Async(
        IConfigurationSection section, ILogger logger, CancellationToken cancellationToken, OAuth2State? oauth2State = null)
    {
        var options = section.Get<Pop3ChannelOptions>() ?? new Pop3ChannelOptions();
        var port = MailConnector.ResolvePort(options, 110, 995);
        var client = new Pop3Client();
        try
        {
            var login = await Connect(client, options, section, "POP3", port, logger, oauth2State, cancellationToken).ConfigureAwait(false);
            return $"logged in as {options.User} at {options.Host}:{port}; {client.Count.ToString(CultureInfo.InvariantCulture)} message(s) waiting" + login;
        }
        finally
        {
            await MailConnector.QuietDisconnectAsync(client, quit: true, section.Key, logger).ConfigureAwait(false);
        }
    }

    /// <summary>Logs in; with OAuth2, returns "; OAuth2 …: token valid until …, secret expires …" for the check's line.</summary>
    private static async Task<string> Connect(MailService client, MailConnectionOptions options, IConfigurationSection section, string protocol,
        int port, ILogger logger, OAuth2State? oauth2State, CancellationToken cancellationToken)
    {
        var oauth2 = options.Auth == MailAuthentication.OAuth2
            ? OAuth2TokenRegistry.Create(section.Key, options.OAuth2!, options.User, new OAuth2HttpHandlerFactory(), TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, oauth2State)
            : null;
        try
        {
            await MailConnector.ConnectAsync(client, options, section.Key, protocol, port, logger, cancellationToken, oauth2).ConfigureAwait(false);
            return oauth2 is null ? "" : "; " + oauth2.Status.Describe();
        }
        catch (OAuth2TokenException ex)
        {
            throw new IOException($"{ex.Message}: fix {section.Path}:OAuth2 or the grant at the provider.", ex);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new IOException(
                $"cannot connect to {options.Host}:{port} ({ex.SocketErrorCode}): check {section.Path}:Host and {section.Path}:Port, and that the server is reachable.", ex);
        }
        catch (MailKit.Security.SslHandshakeException ex)
        {
            throw new IOException(
                $"TLS with {options.Host}:{port} failed ({ex.Message.Split('\n')[0].Trim()}): check {section.Path}:Security and the server's certificate.", ex);
        }
    }
}
