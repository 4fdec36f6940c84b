namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    public Task BackupAsync(string destinationPath, CancellationToken cancellationToken) =>
        Task.FromException(new NotSupportedException(PostgreSqlBackup.Advice));
}
