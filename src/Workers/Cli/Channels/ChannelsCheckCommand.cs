using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Channels.Email;
using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Ocr;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Channels;

/// <summary>
/// <c>contactcenter channels check</c>: logs in to the PostgreSQL store and to every mailbox, checks every folder,
/// loads Tesseract with the configured languages and connects to the SMTP relay. One line per check; exit code 1 if any fails.
/// </summary>
internal sealed class ChannelsCheckCommand(CliContext context) : AsyncCommand<JsonSettings>
{
    private static readonly string[] OcrTypes = ["ScanFolder", "FaxSpool", "FaxMail"];

    public override Task<int> ExecuteAsync(CommandContext command, JsonSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var results = new List<CheckResult>();
            await foreach (var result in RunAsync(session, cancellationToken).ConfigureAwait(false))
            {
                results.Add(result);
                if (!settings.Json)
                {
                    var mark = result.Passed ? "[green]✓[/]" : "[red]✗[/]";
                    context.Console.MarkupLine($"{mark} {Markup.Escape(result.Subject)}: {Markup.Escape(result.Message)}");
                }
            }

            if (settings.Json)
            {
                CliJson.Write(context.Output, results);
            }

            return results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.Failure;
        });

    private static async IAsyncEnumerable<CheckResult> RunAsync(CliSession session, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var configuration = session.Configuration;
        var loggers = session.Get<ILoggerFactory>();
        var logger = loggers.CreateLogger<ChannelsCheckCommand>();
        var store = session.Get<IOptions<StoreOptions>>();
        var folders = new ServiceFolders(session.Get<ChannelCatalog>(), store, configuration);
        // The service's folder: a refresh token it rotated is the one that works, and the one rotated here is the service's next.
        var oauth2State = new OAuth2State(OAuth2TokenRegistry.StateFolder(store.Value), session.Services.GetService<ISharedKeyStore>());
        foreach (var result in folders.Store())
        {
            yield return result;
        }

        if (StoreProviderServiceCollectionExtensions.IsShared(configuration))
        {
            yield return await DatabaseProbe.CheckAsync(session.Get<NpgsqlDataSource>(), cancellationToken).ConfigureAwait(false);
            yield return await SharedKeysProbe.CheckAsync(session.Get<NpgsqlDataSource>(), session.Get<IOptions<PostgreSqlStoreOptions>>().Value, cancellationToken)
                .ConfigureAwait(false);
        }

        var channels = session.Get<ChannelCatalog>().Channels;
        if (channels.Count == 0)
        {
            yield return CheckResult.Fail("channels", $"no enabled channel: add one under {ChannelCatalog.SectionName}.");
        }

        foreach (var channel in channels)
        {
            var type = channel.Factory.Type;
            var protocol = MailProtocol(type, channel.Section);
            if (protocol is "Imap" or "Pop3")
            {
                yield return await CheckAsync($"{channel.Name} ({type})", ct => protocol == "Imap"
                    ? MailboxProbe.CheckImapAsync(channel.Section, logger, ct, oauth2State)
                    : MailboxProbe.CheckPop3Async(channel.Section, logger, ct, oauth2State), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                foreach (var result in FolderProbe.Check(channel.Section, type))
                {
                    yield return result;
                }
            }
        }

        if (channels.Any(c => OcrTypes.Contains(c.Factory.Type, StringComparer.OrdinalIgnoreCase)) || configuration.GetSection("ContactCenter:Ocr").Exists())
        {
            yield return await CheckAsync("ocr", _ => Task.FromResult(OcrProbe.Check(configuration, loggers)), cancellationToken).ConfigureAwait(false);
        }

        yield return await CheckSmtpAsync(configuration, session.Get<IOptions<ReceiptOptions>>().Value.Enabled, logger, oauth2State, cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<CheckResult> CheckSmtpAsync(
        IConfiguration configuration, bool receiptsOn, ILogger logger, OAuth2State oauth2State, CancellationToken cancellationToken)
    {
        // Only what is enabled is checked: with receipts off the service never talks to the relay.
        if (!receiptsOn)
        {
            return CheckResult.Ok("smtp", "not checked: receipts are off (ContactCenter:Receipts:Enabled)");
        }

        var result = await CheckAsync("smtp", async ct => await SmtpProbe.CheckAsync(configuration, logger, ct, oauth2State).ConfigureAwait(false) ?? "", cancellationToken)
            .ConfigureAwait(false);
        return result.Passed && result.Message.Length == 0
            ? CheckResult.Fail("smtp", $"receipts are enabled but no relay is configured: set {SmtpOptions.SectionName}:Host.")
            : result;
    }

    private static async Task<CheckResult> CheckAsync(string subject, Func<CancellationToken, Task<string>> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            return CheckResult.Ok(subject, await check(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(subject, "no answer within 90 s: check the host, port and firewall.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CheckResult.Fail(subject, ex.Message);
        }
    }

    /// <summary>The mail protocol a channel logs in with: its type, or a Voicemail channel's <c>Source</c> (Imap by default).</summary>
    internal static string? MailProtocol(string type, IConfigurationSection section)
    {
        if (type.Equals("Voicemail", StringComparison.OrdinalIgnoreCase))
        {
            type = section["Source"] ?? "Imap";
        }

        return type.Equals("Imap", StringComparison.OrdinalIgnoreCase) ? "Imap"
            : type.Equals("Pop3", StringComparison.OrdinalIgnoreCase) ? "Pop3"
            : null;
    }
}
