using Xunit;

namespace ContactCenter.Testing.Rspamd;

/// <summary>One rspamd (and its redis) per test class.</summary>
public sealed class RspamdFixture : IAsyncLifetime
{
    public RspamdServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RspamdServer.StartAsync().ConfigureAwait(false);

    public async Task DisposeAsync() => await Server.DisposeAsync().ConfigureAwait(false);
}
