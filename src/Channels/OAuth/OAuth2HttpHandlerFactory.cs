namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Makes the HTTP handler token requests go through: the system's with full certificate validation. Registered as a
/// service so a host (or a test pinning its own token server's certificate) can replace it.
/// </summary>
public class OAuth2HttpHandlerFactory
{
    public virtual HttpMessageHandler Create() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
}
