using ContactCenter.Core.Intake;

namespace ContactCenter.Workers.Scheduling;

/// <summary>One source per channel, created on first use and kept (an IMAP connection stays open between polls).</summary>
internal sealed class ChannelSources(ChannelCatalog catalog, IServiceProvider services) : IAsyncDisposable
{
    private readonly Dictionary<string, IInboundSource> sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public IInboundSource Get(string channel)
    {
        var definition = catalog.Find(channel)
            ?? throw new InvalidOperationException($"{ChannelCatalog.SectionName}:{channel}: no such enabled channel.");
        lock (gate)
        {
            // A factory that throws (e.g. a folder that vanished) is simply asked again at the next poll.
            if (!sources.TryGetValue(definition.Name, out var source))
            {
                source = definition.Factory.Create(definition.Section, services);
                sources.Add(definition.Name, source);
            }

            return source;
        }
    }

    public async ValueTask DisposeAsync()
    {
        IInboundSource[] created;
        lock (gate)
        {
            created = [.. sources.Values];
            sources.Clear();
        }

        foreach (var source in created)
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }
}
