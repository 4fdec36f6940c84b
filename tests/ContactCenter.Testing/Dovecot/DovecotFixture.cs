using Xunit;

namespace ContactCenter.Testing.Dovecot;

/// <summary>
/// One Dovecot for a whole xUnit collection. xUnit needs the collection definition in the test assembly itself:
/// <c>[CollectionDefinition(DovecotFixture.Collection)] public sealed class DovecotCollection : ICollectionFixture&lt;DovecotFixture&gt;;</c>
/// </summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string Collection = "Dovecot";

    private DovecotServer? _server;

    public DovecotServer Server => _server ?? throw new InvalidOperationException("Dovecot is not started");

    public async Task InitializeAsync() => _server = await DovecotServer.CreateAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
