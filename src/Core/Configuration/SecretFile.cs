namespace ContactCenter.Core.Configuration;

/// <summary>
/// Where a configured secret file is: a relative name is first a systemd credential (<c>LoadCredential=name:/path</c>
/// puts it in <c>$CREDENTIALS_DIRECTORY</c>), then a path from the working directory. Every secret file (passwords,
/// keys, certificates) resolves the same way, so one rule in the README holds for all of them.
/// </summary>
public static class SecretFile
{
    public static string Resolve(string file) => Resolve(file, Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));

    internal static string Resolve(string file, string? credentialsDirectory)
    {
        if (!Path.IsPathRooted(file) && !string.IsNullOrEmpty(credentialsDirectory))
        {
            var candidate = Path.Combine(credentialsDirectory, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(file);
    }
}
