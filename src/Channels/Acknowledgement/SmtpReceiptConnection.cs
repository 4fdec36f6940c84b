using ContactCenter.Channels.Email;
using ContactCenter.Channels.OAuth;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>One SMTP session kept open for a run of the outbox sender, reopened after any failure.</summary>
internal sealed class SmtpReceiptConnection(
    SmtpOptions options, ILogger logger, OAuth2TokenCache? oauth2 = null, ConnectionWarnings? warnings = null) : IAsyncDisposable
{
    private SmtpClient? client;

    /// <summary>Connects, negotiates TLS and logs in unless already connected; throws when the server is unreachable.</summary>
    public async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return;
        }

        Reset();
        var fresh = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            if (!string.IsNullOrEmpty(options.LocalDomain))
            {
                fresh.LocalDomain = options.LocalDomain;
            }

            var (uncheckedCertificates, cleartext) =
                ConnectionWarnings.ToLog(warnings, options.AcceptInvalidCertificates, options.Security == SmtpSecurity.None, options.Host);
            if (uncheckedCertificates)
            {
                AcknowledgementLog.AcceptingInvalidCertificates(logger, options.Host);
            }

            if (cleartext)
            {
                AcknowledgementLog.CleartextConnection(logger, options.Host);
            }

            if (options.AcceptInvalidCertificates)
            {
                fresh.ServerCertificateValidationCallback = (_, _, _, _) => true;
            }

            await fresh.ConnectAsync(options.Host, options.Port, Map(options.Security), cancellationToken).ConfigureAwait(false);
            if (options.Auth == MailAuthentication.OAuth2)
            {
                await LoginWithTokenAsync(fresh, cancellationToken).ConfigureAwait(false);
            }
            else if (!string.IsNullOrEmpty(options.User))
            {
                var password = await SmtpPassword.ResolveAsync(options, cancellationToken).ConfigureAwait(false);
                await fresh.AuthenticateAsync(options.User, password, cancellationToken).ConfigureAwait(false);
            }

            client = fresh;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }

    private async Task LoginWithTokenAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        var tokens = oauth2 ?? throw new InvalidOperationException("Smtp:Auth is OAuth2 but no token cache was given to the connection.");
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await smtp.AuthenticateAsync(OAuth2Sasl.Create(smtp.AuthenticationMechanisms, options.User!, token), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationException ex)
        {
            tokens.Invalidate(token);
            throw new AuthenticationException(
                $"SMTP login as '{options.User}' with an OAuth2 token was refused: the provider issued the token but the relay does not " +
                $"accept it (revoked, or the app may not send as this mailbox: for Microsoft 365, SMTP.SendAsApp). Server said: {ex.Message}", ex);
        }
    }

    /// <summary>Sends over the open session; returns once the server answered 250 to the end of DATA.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        await client!.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the session: after a failed command its state is unknown, the next send reconnects.</summary>
    public void Reset()
    {
        client?.Dispose();
        client = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await client.DisconnectAsync(quit: true).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
                                           or MailKit.CommandException or MailKit.ServiceNotConnectedException)
            {
                // QUIT is a courtesy; the receipts of this run are already recorded.
            }
        }

        Reset();
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
