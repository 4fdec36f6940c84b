using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Configuration;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Tracking;

/// <summary>
/// The key the tracking links are signed with: from <c>TrackingSecretEnvironmentVariable</c>, else from
/// <c>TrackingSecretFile</c> (a relative name is looked up in systemd's <c>$CREDENTIALS_DIRECTORY</c> first), else, on a
/// store shared by several nodes, from the store's shared keys (every node must check the links any node sent), else from
/// <c>{DataDirectory}/webform/tracking.key</c>, which is created with 32 random bytes (owner-only) on first use so
/// that links in receipts already sent stay valid after a restart. Read once; never logged.
/// </summary>
internal sealed class TrackingSecret(IOptions<WebFormOptions> options, IOptions<StoreOptions> store, ILogger<TrackingSecret> logger, ISharedKeyStore? shared = null)
{
    private const int MinLength = FormKeys.MinSecretLength;
    private readonly Lazy<byte[]> key = new(() => Load(options.Value, store.Value, shared, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    public byte[] Key => key.Value;

    public static string DefaultPath(StoreOptions store) => FormKeys.TrackingKeyFile(store.DataDirectory);

    private static byte[] Load(WebFormOptions options, StoreOptions store, ISharedKeyStore? shared, ILogger logger)
    {
        if (!string.IsNullOrEmpty(options.TrackingSecretEnvironmentVariable))
        {
            var value = Environment.GetEnvironmentVariable(options.TrackingSecretEnvironmentVariable);
            return Checked(value, $"{WebFormOptions.SectionName}:TrackingSecretEnvironmentVariable ({options.TrackingSecretEnvironmentVariable})");
        }

        if (!string.IsNullOrEmpty(options.TrackingSecretFile))
        {
            var path = SecretFile.Resolve(options.TrackingSecretFile);
            return Checked(File.ReadAllText(path).TrimEnd('\r', '\n'), $"{WebFormOptions.SectionName}:TrackingSecretFile ({path})");
        }

        return shared is null ? LoadOrCreate(DefaultPath(store)) : LoadShared(shared, store, logger);
    }

    private static byte[] LoadShared(ISharedKeyStore shared, StoreOptions store, ILogger logger)
    {
        // A node that signed links alone before (one machine moving to PostgreSQL) offers its own secret, so the links
        // in receipts it already sent keep opening; the first node to offer one sets the cluster's.
        var local = FormKeys.LocalTrackingSecret(store.DataDirectory);
        var secret = shared.GetOrAdd(FormKeys.TrackingSecretName, local ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (local is not null && local != secret)
        {
            WebFormLog.TrackingKeyReplaced(logger, DefaultPath(store));
        }

        return Checked(secret, $"the store's shared keys ({FormKeys.TrackingSecretName})");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(path, Encoding.ASCII, fileOptions);
                writer.Write(created);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another thread or process created it first: use theirs.
            }
        }

        return Checked(File.ReadAllText(path).Trim(), path);
    }

    private static byte[] Checked(string? secret, string where) =>
        secret is { Length: >= MinLength }
            ? Encoding.UTF8.GetBytes(secret)
            : throw new InvalidOperationException($"The tracking secret from {where} is missing or shorter than {MinLength} characters.");
}
