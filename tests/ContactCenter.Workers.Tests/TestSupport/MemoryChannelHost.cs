using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>The service's host, as <c>run</c> builds it from a config file, with in-memory channels and the text normaliser.</summary>
internal static class MemoryChannelHost
{
    public static IHost Build(string config, MemoryChannelFactory memory, Action<ILoggingBuilder>? logging = null) =>
        ContactCenterHost.CreateBuilder(new HostSettings
        {
            ConfigFiles = [config],
            Service = true,
            Configure = b =>
            {
                b.Services.AddSingleton<IChannelFactory>(memory);
                b.Services.AddSingleton<IItemNormalizer, TextNormalizer>();
                logging?.Invoke(b.Logging);
            },
        }).Build();
}
