using ContactCenter.Core.Storage;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Run;

/// <summary><c>contactcenter [run]</c>: the service, as a console app, a systemd unit or a Windows service.</summary>
internal sealed class RunCommand(CliContext context) : AsyncCommand<CommonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, CommonSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            var builder = ContactCenterHost.CreateBuilder(new HostSettings
            {
                ConfigFile = settings.Config,
                Args = command.Remaining.Raw,
                Service = true,
                LogToStandardError = false,
                Configure = context.ConfigureHost,
            });
            using var host = builder.Build();

            // Validate before taking the store, so a bad file is reported as such even while another instance runs.
            host.Services.GetService<IStartupValidator>()?.Validate();
            var storeOptions = builder.Configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
            using var storeLock = StoreProcessLock.Acquire(storeOptions);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
}
