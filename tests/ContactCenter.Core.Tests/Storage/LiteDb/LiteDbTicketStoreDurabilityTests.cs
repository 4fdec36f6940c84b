using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>
/// What a crash leaves is the data file plus whatever of the -log reached the disk, and LiteDB does not fsync the log.
/// Copying only the data file while the store is still open shows what is safe without the log.
/// </summary>
public sealed class LiteDbTicketStoreDurabilityTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task Dispatch_WhenReturned_BatchIsInTheDataFileAlone()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3", "RE: [PC-2026-000001]")], default);

        using var copy = OpenCopyOfDataFile();

        copy.GetCollection("tickets").Count().Should().Be(2);
        copy.GetCollection("sources").Count().Should().Be(3);
        copy.GetCollection("outbox").Count().Should().Be(2);
        copy.GetCollection("tickets").FindOne("$.Number = 'PC-2026-000001'")["Messages"].AsArray.Count.Should().Be(2);
    }

    [Fact]
    public async Task Update_WhenReturned_ChangeIsInTheDataFileAlone()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        await _ctx.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1" };
        }, default);

        using var copy = OpenCopyOfDataFile();
        copy.GetCollection("tickets").FindOne("$.Number = 'PC-2026-000001'")["Status"].AsString.Should().Be("Closed");
    }

    /// <summary>Control: a plain LiteDB commit stays in the -log, so the tests above would fail without the checkpoint.</summary>
    [Fact]
    public void PlainCommit_WithoutCheckpoint_LeavesTheDataFileWithoutIt()
    {
        var path = _ctx.Combine("plain.db");
        using var db = new LiteDatabase($"Filename={path};Connection=Direct");
        db.GetCollection("tickets").Insert(new BsonDocument { ["Number"] = "PC-2026-000001" });
        db.Commit();

        var copyPath = _ctx.Combine("plain-copy.db");
        File.Copy(path, copyPath);
        using var copy = new LiteDatabase($"Filename={copyPath};Connection=Direct");

        copy.GetCollection("tickets").Count().Should().Be(0);
    }

    private LiteDatabase OpenCopyOfDataFile()
    {
        var copyPath = _ctx.Combine("copy", "tickets.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copyPath)!);
        File.Copy(_ctx.DatabasePath, copyPath);
        File.Exists(Path.ChangeExtension(copyPath, null) + "-log.db").Should().BeFalse();
        return new LiteDatabase($"Filename={copyPath};Connection=Direct");
    }

    public void Dispose() => _ctx.Dispose();
}
