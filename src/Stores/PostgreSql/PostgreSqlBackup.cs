namespace ContactCenter.Stores.PostgreSql;

/// <summary>How the PostgreSQL store is backed up: not by copying a file, as the embedded store is.</summary>
public static class PostgreSqlBackup
{
    public const string Advice =
        "The PostgreSQL store is backed up with PostgreSQL's own tools (pg_dump, or pg_basebackup with WAL archiving for "
        + "point-in-time recovery): originals in the database are in it. With Store:PostgreSql:Archive = Folder, back up "
        + "the shared archive folder after the database, so every original a ticket of the dump names is in the copy.";
}
