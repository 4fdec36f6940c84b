using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Testing.Storage;
using LiteDB;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>
/// <c>BackupAsync</c> copies the store between two writes: taken while batches are dispatched, each copy holds tickets
/// 1..k with nothing missing and nothing half-written, and opens as a store.
/// </summary>
public sealed class LiteDbTicketStoreBackupTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public async Task Backup_WhileBatchesAreDispatched_EachCopyIsAWholeStore()
    {
        var writing = Task.Run(async () =>
        {
            for (var batch = 0; batch < 40; batch++)
            {
                await _ctx.Store.DispatchAsync([.. Enumerable.Range(0, 5).Select(i => StoreRequests.Mail($"b{batch}-{i}"))], default);
            }
        });
        var copies = new List<string>();
        while (!writing.IsCompleted || copies.Count == 0)
        {
            var copy = _ctx.Combine($"copy-{copies.Count}.db");
            await _ctx.Store.BackupAsync(copy, default);
            copies.Add(copy);
        }

        await writing;
        foreach (var copy in copies)
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = copy, ReadOnly = true });
            var numbers = db.GetCollection("tickets").FindAll().Select(t => t["Sequence"].AsInt32).Order().ToList();
            numbers.Should().Equal(Enumerable.Range(1, numbers.Count), $"{copy} holds the tickets up to one batch, none skipped");
            (numbers.Count % 5).Should().Be(0, "a batch is in a copy whole or not at all");
            db.GetCollection("sources").Count().Should().Be(numbers.Count);
        }
    }

    [Fact]
    public async Task BlobReferences_OfACopy_AreEveryArchivedFileItsRecordsName_AnAttachmentInItsOriginalNamingThatOriginal()
    {
        var (original, photo, followUp, quarantined) = (Sha('1'), Sha('2'), Sha('3'), Sha('4'));
        var first = StoreRequests.Mail("k1", messageId: "<a@example.it>", originalSha256: original);
        first.Draft.Attachments.Add(new Tickets.TicketAttachment { FileName = "foto.jpg", Sha256 = photo });
        first.Draft.Attachments.Add(new Tickets.TicketAttachment
        {
            FileName = "perizia.pdf", Sha256 = Sha('5'),
            InOriginal = new Tickets.OriginalSlice { Sha256 = original, Start = 812, End = 4_096, Encoding = "Base64" },
        });
        await _ctx.Store.DispatchAsync([first], default);
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k2", inReplyTo: "<a@example.it>", originalSha256: followUp)], default);
        await _ctx.Store.QuarantineAsync(new QuarantineRecord
        {
            SourceKey = "k3", ChannelName = "posta", Reason = "illeggibile",
            Original = new Tickets.TicketAttachment { FileName = "rotto.eml", Sha256 = quarantined },
        }, default);
        var copy = _ctx.Combine("copy.db");
        await _ctx.Store.BackupAsync(copy, default);

        StoreBlobReferences.Read(copy).Should().BeEquivalentTo([original, photo, followUp, quarantined]);
    }

    private static string Sha(char digit) => new(digit, 64);

    [Fact]
    public async Task Backup_ToAnExistingFile_RefusesAndLeavesIt()
    {
        var existing = _ctx.Combine("existing.db");
        await File.WriteAllTextAsync(existing, "an older backup");

        var act = () => _ctx.Store.BackupAsync(existing, default);

        await act.Should().ThrowAsync<IOException>();
        (await File.ReadAllTextAsync(existing)).Should().Be("an older backup");
    }
}
