using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

/// <summary><c>contactcenter store ...</c>: the PostgreSQL schema and moving a LiteDB store up to PostgreSQL.</summary>
internal static class StoreBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("store", store =>
    {
        store.SetDescription("The ticket store: migrate the PostgreSQL schema, copy a LiteDB store into PostgreSQL.");
        store.AddCommand<StoreMigrateCommand>("migrate").WithDescription("Bring the PostgreSQL schema to this version (idempotent; the service also does it at start).");
        store.AddCommand<StoreCopyCommand>("copy").WithDescription("Copy this LiteDB store and its archive into the PostgreSQL store of another config; resumable, verified.")
            .WithExample("store", "copy", "--config", "appsettings.json", "--to-config", "appsettings.postgresql.json");
    });
}
