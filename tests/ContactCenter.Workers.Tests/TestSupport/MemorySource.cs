using System.Runtime.CompilerServices;
using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>An in-memory source for orchestration tests: pending items, and what was acknowledged or rejected.</summary>
internal sealed class MemorySource(string name, int batchSize = 10) : IInboundSource
{
    private readonly List<InboundItem> pending = [];
    private readonly Lock gate = new();

    public string Name { get; } = name;

    public ChannelKind Channel => ChannelKind.Email;

    public List<string> Acknowledged { get; } = [];

    public List<(string SourceKey, string Reason)> Rejected { get; } = [];

    public int Polls { get; private set; }

    public void Add(string sourceKey, string content, string contentType = TextNormalizer.ContentType)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        lock (gate)
        {
            pending.Add(new InboundItem
            {
                SourceKey = sourceKey,
                ChannelName = Name,
                Channel = ChannelKind.Email,
                ReceivedAt = DateTimeOffset.Parse("2026-03-02T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture),
                OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(bytes, writable: false)),
                Length = bytes.Length,
                OriginalFileName = "item.txt",
                OriginalContentType = contentType,
            });
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Polls++;
        var offered = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            await Task.Yield();
            InboundItem[] batch;
            int remaining;
            lock (gate)
            {
                // An item not acknowledged (a failed batch) is offered once per poll, like a message left on a server.
                var fresh = pending.Where(i => !offered.Contains(i.SourceKey)).ToList();
                batch = fresh.Take(batchSize).ToArray();
                remaining = fresh.Count - batch.Length;
            }

            if (batch.Length == 0)
            {
                yield break;
            }

            offered.UnionWith(batch.Select(i => i.SourceKey));
            yield return new InboundBatch(batch, remaining);
        }
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var item in items)
            {
                Acknowledged.Add(item.SourceKey);
                pending.Remove(item);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Rejected.Add((item.SourceKey, reason));
            pending.Remove(item);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
