using ContactCenter.Core.Channels;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Npgsql's default SSL Mode (Prefer) tries TLS without checking the server's certificate and falls back to plain
/// text: anyone in between can pose as the database, take the password and read the tickets. Not refused (a
/// private network may be trusted on purpose), but said at start when the database is not on this machine.
/// </summary>
internal static class PostgreSqlTransport
{
    /// <summary>The host reached without a verified certificate and the SSL Mode in force; null when local or verified.</summary>
    public static (string Host, SslMode Mode)? Unverified(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.SslMode is SslMode.VerifyCA or SslMode.VerifyFull)
        {
            return null;
        }

        var remote = (settings.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.Split(':')[0])
            .FirstOrDefault(h => !h.StartsWith('/') && !LoopbackHost.Is(h)); // a path is a Unix socket folder
        return remote is null ? null : (remote, settings.SslMode);
    }
}
