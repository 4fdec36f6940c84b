using ContactCenter.Workers.Cli.Classify;
using ContactCenter.Workers.Cli.Config;
using ContactCenter.Workers.Cli.Ingest;
using ContactCenter.Workers.Cli.Mode;
using ContactCenter.Workers.Cli.Run;
using ContactCenter.Workers.Cli.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>The <c>contactcenter</c> command line: <c>run</c> (the default) and the admin and backoffice verbs.</summary>
internal static class ContactCenterApp
{
    public static CommandApp<RunCommand> Create(IAnsiConsole? console = null, TextWriter? output = null, TextWriter? error = null,
        Action<HostApplicationBuilder>? configureHost = null)
    {
        console ??= AnsiConsole.Console;
        var services = new ServiceCollection();
        services.AddSingleton(new CliContext(console, output ?? Console.Out, error ?? Console.Error, configureHost));
        var app = new CommandApp<RunCommand>(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("contactcenter");
            config.ConfigureConsole(console);
            config.AddCommand<RunCommand>("run").WithDescription("Run the service (the default): poll the channels on their schedules.");
            config.AddCommand<IngestCommand>("ingest").WithDescription("Poll every enabled channel once and exit.")
                .WithExample("ingest", "--once", "--config", "samples/appsettings.demo.json");
            config.AddBranch("tickets", tickets =>
            {
                tickets.SetDescription("List, show and update tickets.");
                tickets.AddCommand<TicketsListCommand>("list").WithDescription("List tickets (the service mode is shown in the header).");
                tickets.AddCommand<TicketsShowCommand>("show").WithDescription("Show one ticket with its messages and history.");
                tickets.AddCommand<TicketsCloseCommand>("close").WithDescription("Close a ticket (answered).");
                tickets.AddCommand<TicketsReopenCommand>("reopen").WithDescription("Reopen a closed ticket.");
                TicketsBranch.AddRoutingCommands(tickets);
            });
            config.AddCommand<ModeCommand>("mode").WithDescription("Show or switch the service mode: emergency or ordinary.");
            ClassifyBranch.Add(config);
            config.AddBranch("config", cfg =>
            {
                cfg.SetDescription("Configuration.");
                cfg.AddCommand<ConfigCheckCommand>("check").WithDescription("Validate and print the effective configuration, secrets masked.");
            });
        });
        return app;
    }
}
