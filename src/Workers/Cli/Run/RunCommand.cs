using ContactCenter.Core.Storage;
using ContactCenter.Workers.Hosting;
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
            CommandLineConfiguration.RejectUnknown(command);
            var builder = ContactCenterHost.CreateBuilder(new HostSettings
            {
                ConfigFiles = DefaultConfigFiles.For(settings.Config),
                Args = context.ConfigurationOverrides,
                Service = true,
                LogToStandardError = false,
                Configure = context.ConfigureHost,
            });
            using var host = builder.Build();

            // Checked before starting, so a bad configuration is reported once, as a message, not as a host failure log.
            host.Services.GetService<IStartupValidator>()?.Validate();

            // Opening a LiteDB store takes its lock: a second instance stops here with a message, not a host failure.
            // PostgreSQL has no lock to take; its schema is migrated as the host starts, which waits for a database not
            // up yet (and tells systemd so) instead of failing here.
            if (!StoreProviderServiceCollectionExtensions.IsShared(builder.Configuration))
            {
                await host.Services.GetRequiredService<ITicketStore>().GetModeAsync(cancellationToken).ConfigureAwait(false);
            }

            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
}
