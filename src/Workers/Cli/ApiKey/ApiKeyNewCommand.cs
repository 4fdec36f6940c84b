using System.Globalization;
using System.Text.Json;
using ContactCenter.Workers.Control;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.ApiKey;

/// <summary>
/// <c>contactcenter apikey new --role operator</c>: prints a fresh key once, for the client, and the configuration entry
/// with its hash, for appsettings. The key itself is stored nowhere.
/// </summary>
internal sealed class ApiKeyNewCommand(CliContext context) : Command<ApiKeyNewSettings>
{
    public override int Execute(CommandContext command, ApiKeyNewSettings settings, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(settings.Role))
        {
            context.Error.WriteLine("--role is reader, operator or admin.");
            return ExitCodes.BadUsage;
        }

        var name = string.IsNullOrWhiteSpace(settings.Name)
            ? string.Create(CultureInfo.InvariantCulture, $"{ControlPolicies.NameOf(settings.Role)}-{DateTime.UtcNow:yyyyMMdd}")
            : settings.Name.Trim();
        var key = ApiKeyHash.NewKey();
        var entry = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [name] = new { Role = settings.Role.ToString(), Hash = ApiKeyHash.Of(key) },
        });
        var output = context.Output;
        output.WriteLine($"API key '{name}' ({ControlPolicies.NameOf(settings.Role)}), shown only this once: give it to the client.");
        output.WriteLine();
        output.WriteLine("  " + key);
        output.WriteLine();
        output.WriteLine($"Add this entry to {ControlOptions.SectionName}:ApiKeys in appsettings.json and restart the service:");
        output.WriteLine();
        output.WriteLine("  " + entry[1..^1]);
        return ExitCodes.Ok;
    }
}
