using ContactCenter.Core.Storage;
using ContactCenter.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// What the LiteDB store's data folder keeps that a cluster keeps in its shared keys, brought along so that the nodes
/// (often new machines, whose data folders never saw it) go on where the single machine stopped: the online form's keys
/// (receipts' links and forms already served stay valid) and the OAuth2 refresh tokens a provider rotated (the
/// configured token may be one it retired). A tracking secret already set differently in the target (a node started
/// there first) is a problem named, not overwritten: links the nodes already sent would break instead. A rotated token
/// already there is the nodes' newer one and is kept.
/// </summary>
internal static class SharedKeysCopy
{
    public static IEnumerable<StoreCopyCount> Run(string dataDirectory, NpgsqlDataSource target, PostgreSqlStoreOptions targetOptions, List<string> problems)
    {
        // Sealed with the nodes' secrets key, when the target's configuration names one, as the nodes would seal them.
        var shared = new PostgreSqlSharedKeys(target, NullLogger.Instance, SharedKeysCipher.From(targetOptions));
        yield return CopyFormKeys(dataDirectory, shared, problems);
        var tokens = OAuth2StateFiles.Local(dataDirectory).ToList();
        foreach (var (name, json) in tokens)
        {
            // Kept unless the target holds a token for that login already: the nodes' newer one.
            shared.GetOrAdd(name, json);
        }

        // Each login then has a token in the target, this file's or a newer one.
        yield return new StoreCopyCount("OAuth2 rotated tokens", tokens.Count, tokens.Count);
    }

    private static StoreCopyCount CopyFormKeys(string dataDirectory, PostgreSqlSharedKeys shared, List<string> problems)
    {
        var keys = FormKeys.LocalKeyRing(dataDirectory).ToList();
        foreach (var (name, xml) in keys)
        {
            shared.Add(name, xml);
        }

        var copied = shared.List(FormKeys.KeyRingPrefix).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Count(k => !copied.Contains(k.Xml));
        if (missing > 0)
        {
            problems.Add($"{missing} of the online form's {keys.Count} data protection keys did not read back the same from shared_keys");
        }

        var (count, found) = (keys.Count, keys.Count - missing);
        if (FormKeys.LocalTrackingSecret(dataDirectory) is { } secret)
        {
            count++;
            if (shared.GetOrAdd(FormKeys.TrackingSecretName, secret) == secret)
            {
                found++;
            }
            else
            {
                problems.Add($"The target already has another tracking secret ({FormKeys.TrackingSecretName} in shared_keys): links in the receipts this store sent "
                    + "will not open. If no node has sent receipts yet, delete that row and copy again.");
            }
        }

        return new StoreCopyCount("form keys", count, found);
    }
}
