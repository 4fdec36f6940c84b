using ContactCenter.Testing.Storage;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>The known-source check, asked from another thread while batches are dispatched, sees whole committed batches.</summary>
public sealed class LiteDbTicketStoreKnownSourcesTests : IDisposable
{
    private const int Batches = 25;
    private const int BatchSize = 20;
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task FindKnownSources_WhileBatchesAreDispatched_SeesWholeCommittedBatchesOnly_NeverFewerThanBefore()
    {
        var keys = Enumerable.Range(0, Batches * BatchSize).Select(n => $"k{n}").ToList();
        // The batches after the first wait until a read has seen it, so at least one read lands between batches
        // however fast this machine stores them (a cold first read could otherwise outlast every dispatch).
        var readSawFirstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatching = Task.Run(async () =>
        {
            foreach (var batch in keys.Chunk(BatchSize))
            {
                await _ctx.Store.DispatchAsync([.. batch.Select(k => StoreRequests.Mail(k, messageId: $"<{k}@example.it>"))], default);
                await readSawFirstBatch.Task;
            }
        });

        var seen = new List<int>();
        while (!dispatching.IsCompleted)
        {
            var known = await Task.Run(() => _ctx.Store.FindKnownSourcesAsync(keys, default));
            seen.Add(known.Count);
            if (known.Count > 0)
            {
                readSawFirstBatch.TrySetResult();
            }
        }

        await dispatching;
        seen.Should().Contain(count => count > 0 && count < keys.Count, "the reads ran while batches were being stored");
        seen.Should().OnlyContain(count => count % BatchSize == 0, "a batch commits in one transaction: a read sees all of it or none");
        seen.Should().BeInAscendingOrder();
        (await _ctx.Store.FindKnownSourcesAsync(keys, default)).Should().HaveCount(keys.Count);
    }

    [Fact]
    public async Task FindKnownSources_AfterDispose_Throws()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        _ctx.Store.Dispose();

        var read = () => _ctx.Store.FindKnownSourcesAsync(["k1"], default);

        await read.Should().ThrowAsync<ObjectDisposedException>();
    }

    public void Dispose() => _ctx.Dispose();
}
