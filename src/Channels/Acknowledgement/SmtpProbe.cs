using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>For <c>contactcenter channels check</c>: connects to the receipt relay (and logs in when configured), sends nothing.</summary>
public static class SmtpProbe
{
    /// <summary>Null when no relay is configured (<c>ContactCenter:Smtp:Host</c> empty).</summary>
    public static async Task<string?> CheckAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return null;
        }

        var connection = new SmtpReceiptConnection(options, logger);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MailKit.Security.AuthenticationException ex)
            {
                throw new IOException($"login as '{options.User}' refused: check {SmtpOptions.SectionName}:User and the password. Server said: {ex.Message}", ex);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new IOException(
                    $"cannot connect to {options.Host}:{options.Port} ({ex.SocketErrorCode}): check {SmtpOptions.SectionName}:Host and :Port.", ex);
            }
        }

        return $"connected to {options.Host}:{options.Port} ({options.Security})" +
            (string.IsNullOrEmpty(options.User) ? ", no login configured" : $", logged in as {options.User}");
    }
}
