using ContactCenter.Core.Configuration;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Reads the database password from the one source the options name, at each new physical connection (rotation needs no restart).</summary>
internal static class PostgreSqlPassword
{
    public static bool IsConfigured(PostgreSqlStoreOptions options) =>
        !string.IsNullOrWhiteSpace(options.PasswordFile) || !string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable);

    public static string Read(PostgreSqlStoreOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable)
                ?? throw new InvalidOperationException(
                    $"The environment variable {options.PasswordEnvironmentVariable} named by ContactCenter:Store:PostgreSql:PasswordEnvironmentVariable is not set.");
        }

        if (!string.IsNullOrWhiteSpace(options.PasswordFile))
        {
            return File.ReadAllText(SecretFile.Resolve(options.PasswordFile)).Trim();
        }

        throw new InvalidOperationException("No database password source configured.");
    }
}
