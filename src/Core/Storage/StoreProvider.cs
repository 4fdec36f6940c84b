namespace ContactCenter.Core.Storage;

/// <summary><c>ContactCenter:Store:Provider</c>: one machine (embedded LiteDB file) or several (a shared PostgreSQL).</summary>
public enum StoreProvider
{
    LiteDb,
    PostgreSql,
}
