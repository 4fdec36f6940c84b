using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// One embedded script <c>NNNN_name.sql</c>. Most run whole in one transaction with their version row. A script whose
/// first line is <see cref="OutsideTransactionMarker"/> adds an index to a table that may already be large while other
/// nodes keep writing to it: it runs statement by statement outside any transaction, so its
/// <c>CREATE INDEX CONCURRENTLY</c> blocks no insert, and must therefore be safe to run again from the start.
/// </summary>
internal sealed partial record MigrationScript(int Version, string Name, string Text)
{
    public const string OutsideTransactionMarker = "-- outside a transaction";

    public bool OutsideTransaction => Text.StartsWith(OutsideTransactionMarker, StringComparison.Ordinal);

    /// <summary>
    /// The statements of a script run outside a transaction, split at every semicolon that ends a line (so such a script
    /// holds plain statements, no <c>$$</c> bodies); comment lines dropped.
    /// </summary>
    public IReadOnlyList<string> Statements =>
    [
        .. StatementEnd().Split(Text)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0),
    ];

    /// <summary>The index a <c>CREATE INDEX CONCURRENTLY IF NOT EXISTS</c> statement builds, else null.</summary>
    public static string? IndexBuiltConcurrently(string statement) =>
        ConcurrentIndex().Match(statement) is { Success: true } match ? match.Groups["name"].Value : null;

    public static IReadOnlyList<MigrationScript> Embedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource =>
            {
                var name = resource.Split('.')[^2];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
                return new MigrationScript(int.Parse(name[..4], CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)];
    }

    [GeneratedRegex(@";[ \t]*(?:\r?\n|$)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"^CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+IF\s+NOT\s+EXISTS\s+(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConcurrentIndex();
}
