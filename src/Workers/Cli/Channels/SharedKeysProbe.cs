using ContactCenter.Stores.PostgreSql;
using Npgsql;

namespace ContactCenter.Workers.Cli.Channels;

/// <summary>
/// How the cluster's shared secrets rest, seen with this node's secrets keys: sealed or not, with which key, and whether
/// this node can open them. After a rotation it says when no value is left under the old key, so its line can go.
/// </summary>
internal static class SharedKeysProbe
{
    private const string Subject = "shared keys (PostgreSql)";

    public static async Task<CheckResult> CheckAsync(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options, CancellationToken cancellationToken)
    {
        SharedKeysCipher cipher;
        try
        {
            cipher = SharedKeysCipher.From(options);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return CheckResult.Fail(Subject, e.Message);
        }

        IReadOnlyDictionary<string, long>? counts;
        try
        {
            counts = await SharedKeysSealing.CountAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (StoreUnreachable.Describe(ex) is { } reason)
        {
            return CheckResult.Fail(Subject, reason);
        }

        var held = cipher.KeyIds;
        var how = cipher.Seals ? $"sealed with key {held[0]}" : "stored as given (no SecretsKeyFile)";
        if (counts is null || counts.Count == 0)
        {
            return CheckResult.Ok(Subject, $"none yet; {how} when written");
        }

        var total = counts.Values.Sum();
        var missing = counts.Where(c => c.Key.Length > 0 && !held.Contains(c.Key)).ToList();
        if (missing.Count > 0)
        {
            return CheckResult.Fail(Subject, $"{missing.Sum(c => c.Value)} of {total} sealed with key(s) {string.Join(", ", missing.Select(c => c.Key))}, "
                + (cipher.Seals ? "which this node's SecretsKeyFile does not hold" : "and this node has no SecretsKeyFile") + ": every node needs the keys the others seal with.");
        }

        // Without a key nothing is sealed here (a sealed value would have failed above): every value is as it should be.
        var stale = cipher.Seals ? total - counts.GetValueOrDefault(held[0]) : 0;
        return CheckResult.Ok(Subject, stale == 0
            ? $"{total}, all {how}"
            : $"{total}, {total - stale} {how}, {stale} not yet (stored as given, or under an older key): sealed again at each node's next start "
              + "(an old key's line can go once none is left)");
    }
}
