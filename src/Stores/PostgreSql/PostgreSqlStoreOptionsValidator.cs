using ContactCenter.Core.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>One password source at most, a readable secrets key when one is named, and a connection string Npgsql can parse; each message names its key.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        var failures = new List<string>();
        NpgsqlConnectionStringBuilder? builder = null;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            failures.Add($"{PostgreSqlStoreOptions.SectionName}:ConnectionString is not a valid connection string: {e.Message}");
        }

        var sources = (string.IsNullOrWhiteSpace(options.PasswordFile) ? 0 : 1) + (string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable) ? 0 : 1)
            + (string.IsNullOrEmpty(builder?.Password) ? 0 : 1);
        if (sources > 1)
        {
            failures.Add($"{PostgreSqlStoreOptions.SectionName}: give the password in one place only (PasswordFile, PasswordEnvironmentVariable, or the connection string).");
        }

        if (!string.IsNullOrWhiteSpace(options.SecretsKeyFile) && !string.IsNullOrWhiteSpace(options.SecretsKeyEnvironmentVariable))
        {
            failures.Add($"{PostgreSqlStoreOptions.SectionName}: give the secrets key in one place only (SecretsKeyFile or SecretsKeyEnvironmentVariable).");
        }
        else
        {
            try
            {
                SecretsKey.Read(options);
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{PostgreSqlStoreOptions.SectionName}:SecretsKeyFile could not be read: {e.Message}");
            }
        }

        if (options.ClusterCheckinInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{PostgreSqlStoreOptions.SectionName}:ClusterCheckinInterval must be at least one second.");
        }

        EnumSetting.Check(failures, $"{PostgreSqlStoreOptions.SectionName}:{nameof(options.Archive)}", options.Archive);
        if (options.PendingBlobBytes < 0)
        {
            failures.Add($"{PostgreSqlStoreOptions.SectionName}:PendingBlobBytes must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
