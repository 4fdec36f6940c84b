using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary><c>store verify</c>'s check of the <c>blobs</c> table, each blob hashed by the server.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlArchiveAuditTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Audit_DamagedMissingAndCheckedBefore_ServerHashesOnlyTheOthers_FindingsJoined()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await postgres.Server.CreateDatabaseAsync() };
        using var temp = new TempDirectory();
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);
        var archive = PostgreSqlTicketStoreFactory.OpenArchive(new StoreOptions { DataDirectory = temp.Path, Provider = StoreProvider.PostgreSql }, options, dataSource);
        var sound = (await archive.StoreAsync(new MemoryStream("Buongiorno, segnalo una frana"u8.ToArray()), "a.eml", "message/rfc822", default)).Sha256;
        var damaged = (await archive.StoreAsync(new MemoryStream("Richiesta di contributo"u8.ToArray()), "b.eml", "message/rfc822", default)).Sha256;
        var readBefore = (await archive.StoreAsync(new MemoryStream("Allegati del sopralluogo"u8.ToArray()), "c.eml", "message/rfc822", default)).Sha256;
        var missing = new string('a', 64);
        await using (var damage = dataSource.CreateCommand($"UPDATE blobs SET content = set_byte(content, 0, 255 - get_byte(content, 0)) WHERE sha256 IN ('{damaged}', '{readBefore}')"))
        {
            await damage.ExecuteNonQueryAsync();
        }

        // The slices' pass read and hashed this one before the blob was damaged: its finding stands, the server is not asked.
        var checkedBefore = new CheckedArchiveFiles();
        checkedBefore.TryClaim(readBefore).Should().BeTrue();
        checkedBefore.Hashed(readBefore, readBefore, 24).Should().BeTrue();

        var report = await PostgreSqlArchiveAudit.RunAsync(dataSource, [sound, damaged, readBefore, missing], rehash: true, default, checkedBefore);

        (report.Referenced, report.Present, report.Verified, report.VerifiedBytes).Should().Be((4, 3, 2, 29L + 24L));
        report.Problems.Should().HaveCount(2);
        report.Problems.Should().ContainSingle(p => p.Contains(damaged) && p.Contains("damaged in the archive"));
        report.Problems.Should().Contain(ArchiveAuditReport.Missing(missing));
    }
}
