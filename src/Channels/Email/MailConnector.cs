using MailKit;
using MailKit.Security;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>Connects and logs in an IMAP or POP3 client the same way for both protocols.</summary>
internal static class MailConnector
{
    public static int ResolvePort(MailConnectionOptions options, int plainPort, int sslPort) =>
        options.Port != 0 ? options.Port : options.Security == MailSecurity.SslOnConnect ? sslPort : plainPort;

    public static async Task ConnectAsync(
        MailService client, MailConnectionOptions options, string channel, string protocol, int port, ILogger logger,
        CancellationToken cancellationToken)
    {
        client.Timeout = (int)Math.Clamp(options.Timeout.TotalMilliseconds, 1000, int.MaxValue);
        if (options.AcceptInvalidCertificates)
        {
            EmailSourceLog.CertificateValidationDisabled(logger, channel, options.Host);
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }

        var security = options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.SslOnConnect,
        };
        await client.ConnectAsync(options.Host, port, security, cancellationToken).ConfigureAwait(false);

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
    }

    public static async Task QuietDisconnectAsync(MailService? client, bool quit, string channel, ILogger logger)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ProtocolException or ServiceNotConnectedException
                                       or CommandException or System.Net.Sockets.SocketException)
        {
            EmailSourceLog.DisconnectFailed(logger, ex, channel);
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
