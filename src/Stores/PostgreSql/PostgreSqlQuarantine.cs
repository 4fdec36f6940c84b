using ContactCenter.Core.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Rows of <c>quarantine</c>: the record as a document, its source key unique.</summary>
internal static class PostgreSqlQuarantine
{
    public const string Columns = "id, doc::text";

    public static QuarantineRecord Read(NpgsqlDataReader reader) => StoreJson.ReadWithId<QuarantineRecord>(reader, (record, id) => record.Id = id);

    public static Task<int> UpdateAsync(NpgsqlConnection db, QuarantineRecord record, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db, "UPDATE quarantine SET status = @status, doc = @doc WHERE id = @id", cancellationToken,
            ("status", record.Status.ToString()), ("doc", StoreJson.Serialize(record)), ("id", (long)record.Id));
}
