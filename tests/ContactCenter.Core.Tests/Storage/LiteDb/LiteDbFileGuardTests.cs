using ContactCenter.Core.Storage;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbFileGuardTests : IDisposable
{
    private readonly TempDirectory _temp = new("cc-guard");

    [Theory]
    [InlineData(10)]
    [InlineData(20000)]
    public void Open_ExistingFileThatIsNotLiteDb_RefusesAndLeavesItsBytes(int size)
    {
        var path = _temp.Combine("tickets.db");
        var bytes = new byte[size];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var act = () => TicketStoreFactory.Open(new StoreOptions { DatabasePath = path });

        act.Should().Throw<InvalidDataException>().WithMessage($"*{path}*not a LiteDB*");
        File.ReadAllBytes(path).Should().Equal(bytes);
        Directory.GetFiles(_temp.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task Open_EmptyFileOrMissingFolders_CreatesTheStore()
    {
        var empty = _temp.Combine("empty.db");
        File.WriteAllBytes(empty, []);
        var nested = _temp.Combine("a", "b", "tickets.db");

        foreach (var path in new[] { empty, nested })
        {
            using (var store = TicketStoreFactory.Open(new StoreOptions { DatabasePath = path }))
            {
                (await store.GetModeAsync(default)).Should().Be(ServiceMode.Ordinary);
            }

            File.ReadAllBytes(path).AsSpan(32, 27).ToArray().Should().Equal("** This is a LiteDB file **"u8.ToArray());
        }
    }

    [Fact]
    public async Task Open_WhileAnotherStoreHoldsTheFile_ThrowsInUse()
    {
        var options = new StoreOptions { DataDirectory = _temp.Combine("data") };
        using (var first = TicketStoreFactory.Open(options))
        {
            var act = () => TicketStoreFactory.Open(options);

            act.Should().Throw<TicketStoreInUseException>().Which.DatabasePath.Should().Be(Path.GetFullPath(options.ResolvedDatabasePath));
            (await first.GetModeAsync(default)).Should().Be(ServiceMode.Ordinary);
        }

        using var reopened = TicketStoreFactory.Open(options);
        (await reopened.GetModeAsync(default)).Should().Be(ServiceMode.Ordinary);
    }

    public void Dispose() => _temp.Dispose();
}
