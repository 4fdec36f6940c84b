using Microsoft.Extensions.Configuration;

namespace ContactCenter.Workers.Hosting;

/// <summary>
/// The configuration layers, lowest first: appsettings.json next to the executable, appsettings.json in the current
/// directory, the <c>--config</c> files in order, environment variables (<c>ContactCenter__Store__DataDirectory</c>), then the
/// command line (<c>--ContactCenter:Store:DataDirectory=...</c>).
/// </summary>
internal static class ContactCenterConfiguration
{
    public static void Apply(IConfigurationBuilder configuration, IReadOnlyList<string> configFiles, IReadOnlyList<string> args)
    {
        configuration.Sources.Clear();
        var besideExecutable = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        var inCurrentDirectory = Path.GetFullPath("appsettings.json");
        configuration.AddJsonFile(besideExecutable, optional: true, reloadOnChange: false);
        if (!string.Equals(besideExecutable, inCurrentDirectory, StringComparison.Ordinal))
        {
            configuration.AddJsonFile(inCurrentDirectory, optional: true, reloadOnChange: false);
        }

        foreach (var configFile in configFiles.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ConfigurationErrorException([$"--config: the file '{path}' does not exist."]);
            }

            try
            {
                configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
            }
            catch (InvalidDataException ex)
            {
                throw new ConfigurationErrorException([$"--config: {ex.Message} {ex.InnerException?.Message}".Trim()]);
            }
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args.ToArray());
    }
}
