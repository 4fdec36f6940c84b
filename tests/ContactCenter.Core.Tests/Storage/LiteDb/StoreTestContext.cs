using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>A real store file in a temp folder with a fake clock; reopenable to prove what survives.</summary>
internal sealed class StoreTestContext : IDisposable
{
    private readonly TempDirectory _temp = new("cc-store");

    public StoreTestContext()
    {
        Options = new StoreOptions { DataDirectory = _temp.Combine("data"), TicketPrefix = "PC" };
        Store = Open();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));

    public StoreOptions Options { get; }

    public LiteDbTicketStore Store { get; private set; }

    public string DatabasePath => Path.GetFullPath(Options.ResolvedDatabasePath);

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public LiteDbTicketStore Reopen()
    {
        Store.Dispose();
        Store = Open();
        return Store;
    }

    public LiteDbTicketStore Open() => new(Options, Time, NullLogger<LiteDbTicketStore>.Instance);

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
