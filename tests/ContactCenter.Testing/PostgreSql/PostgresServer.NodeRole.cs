using Npgsql;

namespace ContactCenter.Testing.PostgreSql;

/// <summary>The role nodes log in as in a least-privilege install (README, One machine or several), and databases as it finds them.</summary>
public sealed partial class PostgresServer
{
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

    private async Task MakeNodeRoleAsync(CancellationToken cancellationToken)
    {
        if (!_nodeRoleMade)
        {
            await ExecuteAsync(AdminConnectionString, cancellationToken, $"CREATE ROLE {NodeRole} LOGIN PASSWORD '{Password}'").ConfigureAwait(false);
            _nodeRoleMade = true;
        }
    }
}
