using ContactCenter.Core.Storage;
using ContactCenter.Testing.Storage;
using LiteDB;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A backup copy: the embedded store writes one that opens with its tickets; PostgreSQL names its own tools.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Backup_EmbeddedStoreCopies_PostgreSqlPointsToItsTools(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2")], default);
        var copy = Path.Combine(Path.GetTempPath(), $"cc-backup-{Guid.NewGuid():N}.db");
        try
        {
            var act = () => s.Store.BackupAsync(copy, default);

            if (provider == StoreProvider.PostgreSql)
            {
                (await act.Should().ThrowAsync<NotSupportedException>()).Which.Message.Should().Contain("pg_dump");
                File.Exists(copy).Should().BeFalse();
                return;
            }

            await act();
            using var db = new LiteDatabase(new ConnectionString { Filename = copy, ReadOnly = true });
            db.GetCollection("tickets").Count().Should().Be(2);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
