using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Cli;

/// <summary>Turns the failures a person can fix into a clear message and an exit code, never a stack trace.</summary>
internal static class CliErrors
{
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ConfigurationErrors(ex) is { Count: > 0 } errors)
        {
            await context.Error.WriteLineAsync("Invalid configuration:").ConfigureAwait(false);
            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync("  - " + error).ConfigureAwait(false);
            }

            return ExitCodes.BadUsage;
        }
        catch (Exception ex) when (StoreUnreachable.Describe(ex) is { } reason)
        {
            await context.Error.WriteLineAsync(reason).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UsageException)
        {
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex is UsageException ? ExitCodes.BadUsage : ExitCodes.Failure;
        }
    }

    /// <summary>The errors of a configuration failure, each naming its key; empty for any other exception.</summary>
    public static IReadOnlyList<string> ConfigurationErrors(Exception ex) => ex switch
    {
        ConfigurationErrorException c => c.Errors,
        OptionsValidationException o => [.. o.Failures],
        AggregateException a when a.InnerExceptions.All(i => ConfigurationErrors(i).Count > 0) =>
            [.. a.InnerExceptions.SelectMany(ConfigurationErrors)],
        InvalidOperationException i when i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [i.Message],
        _ => [],
    };
}
