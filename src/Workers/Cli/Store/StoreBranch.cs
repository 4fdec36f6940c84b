using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

/// <summary><c>contactcenter store ...</c>: backing up the embedded store, verifying the archive, the PostgreSQL schema, moving a LiteDB store up to PostgreSQL.</summary>
internal static class StoreBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("store", store =>
    {
        store.SetDescription("The ticket store: back up the LiteDB store, verify its archive, migrate the PostgreSQL schema, copy a LiteDB store into PostgreSQL.");
        store.AddCommand<StoreBackupCommand>("backup").WithDescription("Copy the LiteDB store (a snapshot, while the service runs) and the new archived originals into a backup folder; checked.")
            .WithExample("store", "backup", "--to", "/srv/backup/contactcenter");
        store.AddCommand<StoreVerifyCommand>("verify").WithDescription("Read back every archived file the store names and re-hash it (either store, while the service runs).");
        store.AddCommand<StoreMigrateCommand>("migrate").WithDescription("Bring the PostgreSQL schema to this version (idempotent; the service also does it at start).");
        store.AddCommand<StoreCopyCommand>("copy").WithDescription("Copy this LiteDB store and its archive into the PostgreSQL store of another config; resumable, verified.")
            .WithExample("store", "copy", "--config", "appsettings.json", "--to-config", "appsettings.postgresql.json");
    });
}
