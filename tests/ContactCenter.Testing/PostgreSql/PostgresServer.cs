using System.Globalization;
using Npgsql;

namespace ContactCenter.Testing.PostgreSql;

/// <summary>
/// A private PostgreSQL 15 cluster (Debian's binaries) in a temp folder, on a free loopback port and a socket folder of
/// its own: the Debian package's own cluster is never used. initdb refuses to run as root, so as root the cluster
/// belongs to the <c>postgres</c> user and every server command runs through <c>runuser</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "cc";
    public const string Password = "secret-pg";
    public const string Host = "127.0.0.1";

    /// <summary>The role nodes run as in a least-privilege install: it may use the tables, not change the schema.</summary>
    public const string NodeRole = "cc_node";

    /// <summary>The grants README gives for <see cref="NodeRole"/>, once the schema's owner has migrated it.</summary>
    public static readonly string[] NodeGrants =
    [
        $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {NodeRole}",
        $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {NodeRole}",
    ];

    private readonly SemaphoreSlim _nodeRole = new(1, 1);
    private bool _nodeRoleMade;
    private string? _nodeTemplate;

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
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// <paramref name="database"/>'s connection string as <see cref="NodeRole"/>, granted the use of the tables that are
    /// there now (migrate first, as their owner).
    /// </summary>
    public async Task<string> AsNodeRoleAsync(string database, CancellationToken cancellationToken = default)
    {
        await _nodeRole.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await MakeNodeRoleAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _nodeRole.Release();
        }

        await ExecuteAsync(database, cancellationToken, NodeGrants).ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(database) { Username = NodeRole }.ConnectionString;
    }

    /// <summary>
    /// A new database as <see cref="NodeRole"/> finds it once the owner has migrated it and granted the role its use:
    /// a copy of one such database, made by <paramref name="migrate"/> the first time (migrating each took longer).
    /// </summary>
    public async Task<string> CreateNodeDatabaseAsync(Func<string, Task> migrate, CancellationToken cancellationToken = default)
    {
        await _nodeRole.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_nodeTemplate is null)
            {
                var owner = await CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
                await migrate(owner).ConfigureAwait(false);
                await MakeNodeRoleAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(owner, cancellationToken, NodeGrants).ConfigureAwait(false); // copied with the database
                _nodeTemplate = new NpgsqlConnectionStringBuilder(owner).Database;
            }

            var name = NewDatabaseName();
            await ExecuteAsync(AdminConnectionString, cancellationToken, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_nodeTemplate}\"").ConfigureAwait(false);
            return new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Username = NodeRole }.ConnectionString;
        }
        finally
        {
            _nodeRole.Release();
        }
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

    private async Task MakeNodeRoleAsync(CancellationToken cancellationToken)
    {
        if (!_nodeRoleMade)
        {
            await ExecuteAsync(AdminConnectionString, cancellationToken, $"CREATE ROLE {NodeRole} LOGIN PASSWORD '{Password}'").ConfigureAwait(false);
            _nodeRoleMade = true;
        }
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
