using ContactCenter.Core.Storage;
using Npgsql;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// A ticket database a command cannot reach or log in to (down, a wrong host, port, password or database name): a
/// failure the admin fixes, told in one line. A PostgreSQL error of any other class (a query the server refused) is
/// a fault of this program and keeps its stack trace.
/// </summary>
internal static class StoreUnreachable
{
    /// <summary>The one line to print, or null when <paramref name="exception"/> is not such a failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        StorageUnavailableException storage => storage.Message,
        PostgresException server when IsAccessFailure(server.SqlState) => $"The ticket database refused the connection: {server.SqlState}: {server.MessageText}",
        PostgresException => null,
        NpgsqlException client => $"The ticket database cannot be reached: {client.Message}"
            + (client.InnerException is { } inner ? $" ({inner.Message})" : ""),
        _ => null,
    };

    // 08: connection exception; 28: invalid authorization; 3D000: no such database; 57P0x: the server shutting down or starting.
    private static bool IsAccessFailure(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("28", StringComparison.Ordinal)
        || state == PostgresErrorCodes.InvalidCatalogName || state.StartsWith("57P0", StringComparison.Ordinal);
}
