using System.Globalization;
using Npgsql;

namespace ContactCenter.Testing.PostgreSql;

/// <summary>
/// A private PostgreSQL 15 cluster (Debian's binaries) in a temp folder, on a free loopback port and a socket folder of
/// its own: the Debian package's own cluster is never used. initdb refuses to run as root, so as root the cluster
/// belongs to the <c>postgres</c> user and every server command runs through <c>runuser</c>.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string User = "cc";
    public const string Password = "secret-pg";
    public const string Host = "127.0.0.1";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly string _settings;
    private int _databases;

    private PostgresServer(string root, int port, IReadOnlyDictionary<string, string>? settings)
    {
        RootPath = root;
        Port = port;
        _settings = string.Concat((settings ?? new Dictionary<string, string>()).Select(s => $" -c {s.Key}={s.Value}"));
    }

    public string RootPath { get; }
    public int Port { get; }
    public string DataPath => Path.Combine(RootPath, "data");
    public string SocketPath => Path.Combine(RootPath, "sock");
    public string LogPath => Path.Combine(RootPath, "postgres.log");

    /// <summary>Connection string to the cluster's own <c>postgres</c> database (administration only).</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <param name="settings">Server settings (<c>-c key=value</c>) over the defaults, e.g. those of a production server for the bench.</param>
    public static async Task<PostgresServer> CreateAsync(CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"cc-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        var server = new PostgresServer(root, Dovecot.FreePort.Next(), settings);
        try
        {
            var passwordFile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(passwordFile, Password + "\n", cancellationToken).ConfigureAwait(false);
            await PostgresTools.HandOverAsync(root, cancellationToken).ConfigureAwait(false);
            await PostgresTools.RunAsync("initdb", ["-D", server.DataPath, "-U", User, "--pwfile", passwordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken).ConfigureAwait(false);
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts (or restarts after <see cref="StopAsync"/>) the server and waits until it accepts connections.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        PostgresTools.RunAsync("pg_ctl", ["-D", DataPath, "-l", LogPath, "-w", "-t", "60", "-o",
            $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {SocketPath} -c listen_addresses={Host} -c max_connections=300 -c shared_buffers=32MB{_settings}",
            "start"], cancellationToken);

    /// <summary>Stops the server at once (fast shutdown: open sessions are cut, as when the database goes down).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        PostgresTools.RunAsync("pg_ctl", ["-D", DataPath, "-m", "fast", "-w", "stop"], cancellationToken);

    public string ConnectionStringFor(string database, bool withPassword = true)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = database,
            Username = User,
            Pooling = false,
        };
        if (withPassword)
        {
            builder.Password = Password;
        }

        return builder.ConnectionString;
    }

    /// <summary>A new empty database, so each test starts from nothing; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = NewDatabaseName();
        await ExecuteAsync(AdminConnectionString, cancellationToken, $"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// A new empty database whose tables live in <paramref name="folder"/> (a tablespace there), while the server's
    /// write-ahead log stays in its own folder: a data volume apart from the log's, as many servers are laid out.
    /// </summary>
    public async Task<string> CreateDatabaseInAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        await PostgresTools.HandOverAsync(folder, cancellationToken).ConfigureAwait(false);
        var name = NewDatabaseName();
        await ExecuteAsync(AdminConnectionString, cancellationToken,
            $"CREATE TABLESPACE \"{name}\" LOCATION '{folder.Replace("'", "''", StringComparison.Ordinal)}'", $"CREATE DATABASE \"{name}\" TABLESPACE \"{name}\"").ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseInAsync"/> with its tablespace, before its folder goes: a
    /// server left with dirty pages of a vanished tablespace fails whichever session next has to write them out.
    /// </summary>
    public Task DropDatabaseInAsync(string database, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        return ExecuteAsync(AdminConnectionString, cancellationToken, $"DROP DATABASE \"{name}\" WITH (FORCE)", $"DROP TABLESPACE \"{name}\"");
    }

    private string NewDatabaseName() => $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..24];

    private static async Task ExecuteAsync(string connectionString, CancellationToken cancellationToken, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataPath, "postmaster.pid")))
            {
                using var cts = new CancellationTokenSource(CommandTimeout);
                await StopAsync(cts.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(RootPath, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
