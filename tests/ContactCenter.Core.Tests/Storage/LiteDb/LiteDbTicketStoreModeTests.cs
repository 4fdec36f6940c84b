using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreModeTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task SetMode_SurvivesReopen()
    {
        (await _ctx.Store.GetModeAsync(default)).Should().Be(ServiceMode.Ordinary);

        await _ctx.Store.SetModeAsync(ServiceMode.Emergency, "admin", default);

        (await _ctx.Reopen().GetModeAsync(default)).Should().Be(ServiceMode.Emergency);
    }

    public void Dispose() => _ctx.Dispose();
}
