using ContactCenter.Workers.Cli.Classify;
using ContactCenter.Workers.Cli.Config;
using ContactCenter.Workers.Cli.Ingest;
using ContactCenter.Workers.Cli.Mode;
using ContactCenter.Workers.Cli.Run;
using ContactCenter.Workers.Cli.Tickets;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>The <c>contactcenter</c> command line: <c>run</c> (the default) and the admin and backoffice verbs.</summary>
internal static class ContactCenterApp
{
    /// <summary>Runs the command line; tests pass their own console, writers and host tweaks.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole? console = null, TextWriter? output = null, TextWriter? error = null,
        Action<HostApplicationBuilder>? configureHost = null)
    {
        var (command, overrides) = CommandLineConfiguration.Split(args);
        return Create(overrides, console, output, error, configureHost).RunAsync(command);
    }

    private static CommandApp<RunCommand> Create(IReadOnlyList<string> overrides, IAnsiConsole? console, TextWriter? output, TextWriter? error,
        Action<HostApplicationBuilder>? configureHost)
    {
        if (console is null)
        {
            console = AnsiConsole.Console;

            // A pipe gets 80 columns by default, which folds every table; a file or a pager can take wide lines.
            if (Console.IsOutputRedirected)
            {
                console.Profile.Width = 200;
            }
        }

        error ??= Console.Error;
        var services = new ServiceCollection();
        services.AddSingleton(new CliContext(console, output ?? Console.Out, error, overrides, configureHost));
        var app = new CommandApp<RunCommand>(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("contactcenter");
            config.SetApplicationVersion(ServiceVersion.Current);
            config.ConfigureConsole(console);
            config.SetExceptionHandler((exception, _) => UnhandledError(exception, error));
            config.AddCommand<RunCommand>("run").WithDescription("Run the service (the default): poll the channels on their schedules.");
            config.AddCommand<IngestCommand>("ingest").WithDescription("Poll every enabled channel once and exit.")
                .WithExample("ingest", "--once", "--config", "samples/appsettings.demo.json");
            config.AddBranch("tickets", tickets =>
            {
                tickets.SetDescription("List, show and update tickets.");
                tickets.AddCommand<TicketsListCommand>("list").WithDescription("List tickets (the service mode is shown in the header).");
                tickets.AddCommand<TicketsShowCommand>("show").WithDescription("Show one ticket with its messages and history.");
                tickets.AddCommand<TicketsSaveCommand>("save").WithDescription("Save a ticket's originals and attachments as files, checked against their SHA-256.")
                    .WithExample("tickets", "save", "PC-2026-000042", "--to", "pratica-42");
                tickets.AddCommand<TicketsOpenCommand>("open").WithDescription("Register a phone call that could not be answered at once.")
                    .WithExample("tickets", "open", "--channel", "phone", "--caller", "+39 06 1234 5678", "--subject", "Contributi alluvione",
                        "--text", "Chiede come presentare la domanda", "--name", "Mario Rossi");
                tickets.AddCommand<TicketsCloseCommand>("close").WithDescription("Close a ticket (answered).");
                tickets.AddCommand<TicketsReopenCommand>("reopen").WithDescription("Reopen a closed ticket.");
                tickets.AddCommand<TicketsReviewedCommand>("reviewed")
                    .WithDescription("Clear the review flag of a ticket an operator has looked at (list them with 'tickets list --review').")
                    .WithExample("tickets", "reviewed", "PC-2026-000042", "--reason", "ascoltato: chiede di essere richiamato");
                TicketsBranch.AddRoutingCommands(tickets);
            });
            config.AddCommand<ModeCommand>("mode").WithDescription("Show or switch the service mode: emergency or ordinary.");
            ClassifyBranch.Add(config);
            OperationsCommands.Add(config);
            config.AddBranch("apikey", apikey =>
            {
                apikey.SetDescription("API keys of the control endpoint.");
                apikey.AddCommand<ApiKey.ApiKeyNewCommand>("new")
                    .WithDescription("Print a new API key (once) and the hash entry for ContactCenter:Control:ApiKeys.")
                    .WithExample("apikey", "new", "--role", "operator", "--name", "crm");
            });
            config.AddBranch("config", cfg =>
            {
                cfg.SetDescription("Configuration.");
                cfg.AddCommand<ConfigCheckCommand>("check").WithDescription("Validate and print the effective configuration, secrets masked.");
            });
        });
        return app;
    }

    /// <summary>Wrong arguments are a usage error (2) with Spectre's message; anything else is a bug (1) with its trace.</summary>
    private static int UnhandledError(Exception exception, TextWriter error)
    {
        if (exception is CommandAppException)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.BadUsage;
        }

        error.WriteLine(StoreUnreachable.Describe(exception) ?? exception.ToString());
        return ExitCodes.Failure;
    }
}
