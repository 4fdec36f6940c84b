namespace ContactCenter.Stores.PostgreSql.Copy;

public sealed record StoreCopyCount(string Table, long Source, long Target);
