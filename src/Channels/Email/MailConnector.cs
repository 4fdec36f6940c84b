using ContactCenter.Channels.OAuth;
using MailKit;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>Connects and logs in an IMAP or POP3 client the same way for both protocols.</summary>
internal static class MailConnector
{
    public static int ResolvePort(MailConnectionOptions options, int plainPort, int sslPort) =>
        options.Port != 0 ? options.Port : options.Security == MailSecurity.SslOnConnect ? sslPort : plainPort;

    /// <summary>
    /// Connects and logs in; returns the OAuth2 token the session logged in with (null with a password). The security
    /// warnings are logged when <paramref name="warnings"/> says they are due, or every time without one.
    /// </summary>
    public static async Task<OAuth2Token?> ConnectAsync(
        MailService client, MailConnectionOptions options, string channel, string protocol, int port, ILogger logger,
        CancellationToken cancellationToken, OAuth2TokenCache? oauth2 = null, ConnectionWarnings? warnings = null)
    {
        client.Timeout = (int)Math.Clamp(options.Timeout.TotalMilliseconds, 1000, int.MaxValue);
        var (uncheckedCertificates, cleartext) =
            ConnectionWarnings.ToLog(warnings, options.AcceptInvalidCertificates, options.Security == MailSecurity.None, options.Host);
        if (uncheckedCertificates)
        {
            EmailSourceLog.CertificateValidationDisabled(logger, channel, options.Host);
        }

        if (cleartext)
        {
            EmailSourceLog.CleartextConnection(logger, channel, options.Host);
        }

        if (options.AcceptInvalidCertificates)
        {
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }

        var security = options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.SslOnConnect,
        };
        await client.ConnectAsync(options.Host, port, security, cancellationToken).ConfigureAwait(false);
        if (options.Auth == MailAuthentication.OAuth2)
        {
            var token = await LoginWithTokenAsync(client, options, protocol, port, oauth2, cancellationToken).ConfigureAwait(false);
            EmailSourceLog.Connected(logger, channel, protocol, options.Host, port, options.Security, options.User);
            return token;
        }

        var password = await MailPassword.ReadAsync(options, cancellationToken).ConfigureAwait(false);
        if (client.AuthenticationMechanisms.Contains("PLAIN"))
        {
            // One attempt per wrong password: servers delay each failure (Dovecot by seconds), LOGIN adds nothing to PLAIN.
            client.AuthenticationMechanisms.Remove("LOGIN");
        }

        try
        {
            await client.AuthenticateAsync(options.User, password, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationException ex)
        {
            throw new AuthenticationException(
                $"{protocol} login as '{options.User}' at {options.Host}:{port} was refused: check User and the password " +
                $"({Describe(options)}). Server said: {ex.Message}",
                ex);
        }

        EmailSourceLog.Connected(logger, channel, protocol, options.Host, port, options.Security, options.User);
        return null;
    }

    private static async Task<OAuth2Token> LoginWithTokenAsync(
        MailService client, MailConnectionOptions options, string protocol, int port, OAuth2TokenCache? oauth2, CancellationToken cancellationToken)
    {
        var tokens = oauth2 ?? throw new InvalidOperationException("Auth is OAuth2 but no token cache was given to the connection.");
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var mechanism = OAuth2Sasl.Create(client.AuthenticationMechanisms, options.User, token);
        try
        {
            await client.AuthenticateAsync(mechanism, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException or ProtocolException)
        {
            // (POP3 reports a refused XOAUTH2 as a protocol error: Dovecot answers its error challenge with -ERR.)
            // Revoked before its expiry, or never good for this mailbox: the next login must not offer it again.
            tokens.Invalidate(token);
            throw new AuthenticationException(
                $"{protocol} login as '{options.User}' at {options.Host}:{port} with an OAuth2 token ({mechanism.MechanismName}) was refused: " +
                "the provider issued the token but the server does not accept it (revoked, or the app lacks mailbox access: for " +
                $"Microsoft 365, IMAP.AccessAsApp/POP.AccessAsApp and a mailbox permission for the app). Server said: {ex.Message}",
                ex);
        }

        return token;
    }

    /// <summary>
    /// Disconnects and disposes <paramref name="client"/>, logging a failure instead of throwing; true when a connected
    /// client said goodbye cleanly. A goodbye waits at most <paramref name="timeout"/> (5 s unless given: one that
    /// commits work, as POP3's QUIT does, may need as long as any command).
    /// </summary>
    public static async Task<bool> QuietDisconnectAsync(MailService? client, bool quit, string channel, ILogger logger, TimeSpan? timeout = null)
    {
        if (client is null)
        {
            return false;
        }

        try
        {
            if (!client.IsConnected)
            {
                return false;
            }

            using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit, limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ProtocolException or ServiceNotConnectedException
                                       or CommandException or System.Net.Sockets.SocketException)
        {
            EmailSourceLog.DisconnectFailed(logger, ex, channel);
            return false;
        }
        finally
        {
            client.Dispose();
        }
    }

    private static string Describe(MailConnectionOptions options) =>
        options.Password is not null ? "from Password"
        : !string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable) ? $"from environment variable {options.PasswordEnvironmentVariable}"
        : $"from file {options.PasswordFile}";
}
