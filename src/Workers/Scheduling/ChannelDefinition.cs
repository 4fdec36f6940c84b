using ContactCenter.Core.Channels;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Workers.Scheduling;

/// <summary>An enabled, valid channel: its section, the factory of its type and its common options.</summary>
internal sealed record ChannelDefinition(string Name, IConfigurationSection Section, IChannelFactory Factory, ChannelOptions Options);
