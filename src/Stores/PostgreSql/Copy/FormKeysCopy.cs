using ContactCenter.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// The online form's keys of the LiteDB store's data folder go to the cluster's shared keys, so the links in receipts
/// the single machine sent and the forms it served stay valid on nodes that start with data folders of their own (new
/// machines). A tracking secret already set differently in the target (a node started there first) is a problem
/// named, not overwritten: links already sent by the nodes would break instead.
/// </summary>
internal static class FormKeysCopy
{
    public static StoreCopyCount Run(string dataDirectory, NpgsqlDataSource target, List<string> problems)
    {
        var shared = new PostgreSqlSharedKeys(target, NullLogger.Instance);
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
