using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Testing;
using ContactCenter.Testing.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>
/// The data file and its log on a disk that really fills (a small tmpfs; the archive elsewhere, so the store alone runs
/// out of room), as in an emergency's surge when nobody watched the disk; then an admin makes room.
/// </summary>
public sealed class LiteDbTicketStoreDiskFullTests : IDisposable
{
    private const int BatchSize = 50;

    // LiteDB waits a minute for a lock before it gives up: a dispatch that takes this long is stuck behind one.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new("cc-disk-full");
    private readonly FakeTimeProvider _time = new(StoreRequests.Received.AddHours(1));
    private readonly RecordingLogger _log = new();
    private int _next;
    private int _bodyLength;

    // Tickets of several sizes fill the disk at different writes: a commit's, its checkpoint's, or the rollback's after
    // a failed commit (which left the engine's log open until a garbage collection: LiteDbFailedTransactions).
    [Theory]
    [InlineData(700)]
    [InlineData(1000)]
    [InlineData(1500)]
    [InlineData(3000)]
    public async Task Dispatch_AfterTheDiskFilledAndWasFreed_StoresEveryItemOnce(int bodyLength)
    {
        _bodyLength = bodyLength;
        await using var disk = await SmallDisk.MountAsync(1 << 20);
        var options = new StoreOptions { DataDirectory = _temp.Combine("data"), DatabasePath = disk.Combine("tickets.db"), TicketPrefix = "PC" };
        var refused = new List<DispatchRequest[]>();
        using (var store = Open(options))
        {
            // Batches until the disk refused three in a row: by then a commit has failed, and the rollback after it.
            for (var refusedInARow = 0; refusedInARow < 3;)
            {
                _next.Should().BeLessThan(20_000, "a megabyte cannot hold so many tickets");
                var batch = Batch();
                try
                {
                    await store.DispatchAsync(batch, default).WaitAsync(Stuck);
                    refusedInARow = 0;
                }
                catch (IOException)
                {
                    refused.Add(batch);
                    refusedInARow++;
                }
            }

            await disk.GrowAsync(64 << 20);

            // The refused batches again, as the pipeline takes unacknowledged items again: each item stored now, or
            // found stored (a commit that reached the log before its checkpoint failed).
            foreach (var batch in refused)
            {
                var outcomes = await store.DispatchAsync(batch, default).WaitAsync(Stuck);
                outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.Created || o.Kind == DispatchOutcomeKind.Duplicate);
            }

            await ShouldHoldEveryItemOnceAsync(store);
        }

        // The store closed its engine after a failed write (event 1009) and opened it again once it could (1011).
        _log.Has(1009).Should().BeTrue();
        _log.Has(1011).Should().BeTrue();

        using var reopened = Open(options);
        await ShouldHoldEveryItemOnceAsync(reopened);

        // The transactions of the engines closed after a failed commit are collected without running their finalizers,
        // which fail on LiteDB's internal check and would end the process (the test host, here).
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    public void Dispose() => _temp.Dispose();

    private LiteDbTicketStore Open(StoreOptions options) => new(options, _time, new TypedRecordingLogger<LiteDbTicketStore>(_log));

    private DispatchRequest[] Batch() =>
        [.. Enumerable.Range(0, BatchSize).Select(_ => StoreRequests.Mail($"k{_next++}", body: new string('x', _bodyLength)))];

    private async Task ShouldHoldEveryItemOnceAsync(LiteDbTicketStore store)
    {
        var tickets = await store.QueryAsync(new TicketQuery(), default);
        tickets.Select(t => t.Number).Should().OnlyHaveUniqueItems().And.HaveCount(_next);
        tickets.Select(t => t.SourceKey).Should().BeEquivalentTo(Enumerable.Range(0, _next).Select(i => $"k{i}"));
    }
}
