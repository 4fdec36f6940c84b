using System.Collections.Concurrent;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>Channel type "Memory": hands out the <see cref="MemorySource"/> a test prepared under the channel's name.</summary>
internal sealed class MemoryChannelFactory : IChannelFactory
{
    public ConcurrentDictionary<string, IInboundSource> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Type => "Memory";

    public IReadOnlyList<string> Validate(IConfigurationSection section) =>
        Sources.ContainsKey(section.Key) ? [] : [$"{section.Path}: no memory source prepared for this channel."];

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) => Sources[section.Key];
}
