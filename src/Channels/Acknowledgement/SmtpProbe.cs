using ContactCenter.Channels.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>For <c>contactcenter channels check</c>: connects to the receipt relay (and logs in when configured), sends nothing.</summary>
public static class SmtpProbe
{
    /// <summary>Null when no relay is configured (<c>ContactCenter:Smtp:Host</c> empty).</summary>
    /// <param name="oauth2State">Where the service keeps rotated refresh tokens, shared with it.</param>
    public static async Task<string?> CheckAsync(
        IConfiguration configuration, ILogger logger, CancellationToken cancellationToken, OAuth2State? oauth2State = null)
    {
        var options = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return null;
        }

        var oauth2 = options.Auth == MailAuthentication.OAuth2 && options.OAuth2 is not null && !string.IsNullOrEmpty(options.User)
            ? OAuth2TokenRegistry.Create(SmtpOptions.OAuth2Name, options.OAuth2, options.User, new OAuth2HttpHandlerFactory(), TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, oauth2State)
            : null;
        var connection = new SmtpReceiptConnection(options, logger, oauth2);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OAuth2TokenException ex)
            {
                throw new IOException($"{ex.Message}: fix {SmtpOptions.SectionName}:OAuth2 or the grant at the provider.", ex);
            }
            catch (MailKit.Security.AuthenticationException ex) when (oauth2 is not null)
            {
                throw new IOException(ex.Message, ex);
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
            (string.IsNullOrEmpty(options.User) ? ", no login configured" : $", logged in as {options.User}") +
            (oauth2 is null ? "" : "; " + oauth2.Status.Describe());
    }
}
