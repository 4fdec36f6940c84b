using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace ContactCenter.Testing.Smtp;

/// <summary>
/// Gives every session of the test SMTP server an <see cref="Xoauth2Pipe"/>: SmtpServer 11 parses only AUTH PLAIN and
/// LOGIN, so XOAUTH2 is offered and translated at the wire, and the token reaches the user authenticator.
/// </summary>
internal sealed class Xoauth2EndpointListenerFactory : EndpointListenerFactory
{
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
        new Listener(base.CreateListener(endpointDefinition));

    private sealed class Listener(IEndpointListener inner) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken) =>
            new Xoauth2Pipe(await inner.GetPipeAsync(context, cancellationToken).ConfigureAwait(false));

        public void Dispose() => inner.Dispose();
    }
}
