using ContactCenter.Testing.Dovecot;
using Xunit;

namespace ContactCenter.Testing.OAuth;

/// <summary>
/// A token server and a Dovecot whose oauth2 passdb checks every XOAUTH2/OAUTHBEARER token against its introspection
/// URL, for a whole xUnit collection (define <c>[CollectionDefinition(DovecotOAuth2Fixture.Collection)]</c> in the test assembly).
/// </summary>
public sealed class DovecotOAuth2Fixture : IAsyncLifetime
{
    public const string Collection = "DovecotOAuth2";

    private TestTokenServer? tokens;
    private DovecotServer? dovecot;

    public TestTokenServer Tokens => tokens ?? throw new InvalidOperationException("the token server is not started");

    public DovecotServer Dovecot => dovecot ?? throw new InvalidOperationException("Dovecot is not started");

    public async Task InitializeAsync()
    {
        tokens = await TestTokenServer.StartAsync().ConfigureAwait(false);
        dovecot = await DovecotServer.CreateAsync(tokens.IntrospectionUrl).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (dovecot is not null)
        {
            await dovecot.DisposeAsync().ConfigureAwait(false);
        }

        if (tokens is not null)
        {
            await tokens.DisposeAsync().ConfigureAwait(false);
        }
    }
}
