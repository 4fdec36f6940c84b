using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Opens the PostgreSQL store and archive without dependency injection (CLI verbs, tests, the copy tool).</summary>
public static class PostgreSqlTicketStoreFactory
{
    /// <summary>Connections for the options; the password, when it comes from a file or a variable, is read at each new physical connection.</summary>
    public static NpgsqlDataSource CreateDataSource(PostgreSqlStoreOptions options)
    {
        Validate(options);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "contactcenter";
        if (!NamesSetting(options.ConnectionString, "MaxAutoPrepare"))
        {
            // A dispatch batch runs the same few statements a hundred times: parsed and planned once per connection.
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (PostgreSqlPassword.IsConfigured(options))
        {
            builder.UsePasswordProvider(_ => PostgreSqlPassword.Read(options), (_, _) => ValueTask.FromResult(PostgreSqlPassword.Read(options)));
        }

        return builder.Build();
    }

    /// <summary>
    /// The store on its own data source (disposed with the store). The schema is migrated on first use. Ticket changes
    /// queue webhook deliveries for <paramref name="webhooks"/> (none when null).
    /// </summary>
    public static ITicketStore Open(StoreOptions store, PostgreSqlStoreOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null,
        WebhookSubscriptions? webhooks = null, PendingBlobs? pendingBlobs = null) =>
        Open(store, options, CreateDataSource(options), ownsDataSource: true, timeProvider, loggerFactory, webhooks, pendingBlobs);

    internal static PostgreSqlTicketStore Open(StoreOptions store, PostgreSqlStoreOptions options, NpgsqlDataSource dataSource, bool ownsDataSource,
        TimeProvider? timeProvider, ILoggerFactory? loggerFactory, WebhookSubscriptions? webhooks = null, PendingBlobs? pendingBlobs = null)
    {
        Validator.ValidateObject(store, new ValidationContext(store), validateAllProperties: true);
        var archiveRoot = Path.GetFullPath(store.ResolvedArchivePath);
        Action beforeCommit = options.Archive == PostgreSqlArchiveKind.Folder ? () => DirectorySync.FlushFileSystem(archiveRoot) : () => { };
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgreSqlTicketStore>();
        if (PostgreSqlTransport.Unverified(options.ConnectionString) is { } unverified)
        {
            PostgreSqlStoreLog.UnverifiedTransport(logger, unverified.Host, unverified.Mode.ToString());
        }

        return new PostgreSqlTicketStore(dataSource, ownsDataSource, store.TicketPrefix, options.ConflictRetries, beforeCommit, timeProvider ?? TimeProvider.System, logger, webhooks, pendingBlobs);
    }

    /// <summary>The archive the options name: the <c>blobs</c> table, or the shared folder <c>ContactCenter:Store:ArchivePath</c>.</summary>
    /// <param name="pending">Shared with the store that dispatches this archive's tickets: blobs then commit asynchronously and become durable with their batch.</param>
    public static IContentArchive OpenArchive(StoreOptions store, PostgreSqlStoreOptions options, NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null,
        PendingBlobs? pending = null)
    {
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        return options.Archive == PostgreSqlArchiveKind.Folder
            ? TicketStoreFactory.OpenArchive(store, factory)
            : new DatabaseContentArchive(dataSource, factory.CreateLogger<DatabaseContentArchive>(), pending);
    }

    /// <summary>Brings the schema to the newest version (idempotent); returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory, CancellationToken cancellationToken) =>
        await SchemaMigrator.MigrateAsync(dataSource, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgreSqlTicketStore>(), cancellationToken)
            .ConfigureAwait(false);

    public static int LatestSchemaVersion => SchemaMigrator.LatestVersion;

    /// <summary>The schema version the database is at: 0 before the first migration.</summary>
    public static Task<int> SchemaVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        SchemaMigrator.CurrentVersionAsync(connection, cancellationToken);

    /// <summary>Npgsql's <c>Max Auto Prepare</c> when the connection string does not say (0 there turns preparing off).</summary>
    public const int DefaultMaxAutoPrepare = 32;

    private static bool NamesSetting(string connectionString, string key) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase));

    private static void Validate(PostgreSqlStoreOptions options)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var result = new PostgreSqlStoreOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(PostgreSqlStoreOptions.SectionName, typeof(PostgreSqlStoreOptions), result.Failures);
        }
    }
}
