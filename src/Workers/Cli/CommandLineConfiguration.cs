using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// Configuration overrides on the command line (<c>--ContactCenter:Store:DataDirectory=/srv/cc</c> or with the value
/// as the next argument) are taken out before Spectre parses the rest; any other unknown option is a typo. The global
/// <c>--config FILE</c> may come before the verb (<c>contactcenter --config f.json ingest --once</c>): Spectre only
/// reads a command's options after it, so leading ones are moved behind the command.
/// </summary>
internal static partial class CommandLineConfiguration
{
    public static (string[] Command, string[] Overrides) Split(IReadOnlyList<string> args)
    {
        var command = new List<string>();
        var overrides = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var match = KeyPath().Match(args[i]);
            if (!match.Success)
            {
                command.Add(args[i]);
                continue;
            }

            overrides.Add(args[i]);
            if (!match.Groups["value"].Success && i + 1 < args.Count)
            {
                overrides.Add(args[++i]);
            }
        }

        return (HoistLeadingGlobalOptions(command), overrides.ToArray());
    }

    private static string[] HoistLeadingGlobalOptions(List<string> command)
    {
        var leading = new List<string>();
        var i = 0;
        for (; i < command.Count && GlobalOption().Match(command[i]) is { Success: true } option; i++)
        {
            leading.Add(command[i]);
            if (!option.Groups["value"].Success && i + 1 < command.Count)
            {
                leading.Add(command[++i]);
            }
        }

        return [.. command.Skip(i), .. leading];
    }

    /// <summary>Throws a usage error for options no command knows (Spectre keeps them as "remaining").</summary>
    public static void RejectUnknown(CommandContext command)
    {
        var unknown = command.Remaining.Parsed.Select(g => g.Key).Concat(command.Remaining.Raw).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException(
                $"Unknown option or argument: {string.Join(", ", unknown)}. Configuration keys are given as --Section:Key=value.");
        }
    }

    [GeneratedRegex(@"^--?[A-Za-z][\w.-]*(:[\w.-]+)+(?<value>=.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPath();

    [GeneratedRegex(@"^(?:-c|--config)(?<value>=.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GlobalOption();
}
