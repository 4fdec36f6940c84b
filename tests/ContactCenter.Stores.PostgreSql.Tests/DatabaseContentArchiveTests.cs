using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class DatabaseContentArchiveTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Store_SameBytesTwice_StoredOnceAndReadBackByAnyNode()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await postgres.Server.CreateDatabaseAsync() };
        using var temp = new TempDirectory();
        var store = new StoreOptions { DataDirectory = temp.Path, Provider = StoreProvider.PostgreSql };
        await using var nodeA = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await using var nodeB = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(nodeA, null, default);
        var archiveA = PostgreSqlTicketStoreFactory.OpenArchive(store, options, nodeA);
        var archiveB = PostgreSqlTicketStoreFactory.OpenArchive(store, options, nodeB);
        var bytes = Encoding.UTF8.GetBytes("From: mario.rossi@example.it\r\nSubject: scuole\r\n\r\nBuongiorno");

        var first = await archiveA.StoreAsync(new MemoryStream(bytes), "../../etc/passwd", "message/rfc822", default);
        var second = await archiveB.StoreAsync(new MemoryStream(bytes), "copia.eml", "", default);

        first.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes))).And.Be(second.Sha256);
        first.Size.Should().Be(bytes.Length);
        first.FileName.Should().NotContain("/");
        second.ContentType.Should().Be("application/octet-stream");
        archiveB.Contains(first.Sha256).Should().BeTrue();
        archiveB.Contains(new string('0', 64)).Should().BeFalse();
        using (var read = archiveB.OpenRead(first.Sha256.ToUpperInvariant()))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            copy.ToArray().Should().Equal(bytes);
        }

        await using var count = nodeA.CreateCommand("SELECT count(*) FROM blobs");
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(1);
        var missing = () => archiveA.OpenRead(new string('0', 64));
        missing.Should().Throw<FileNotFoundException>();
        var hostile = () => archiveA.OpenRead("../../etc/passwd");
        hostile.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task CreateDataSource_PasswordFromFile_Connects()
    {
        using var temp = new TempDirectory();
        var passwordFile = temp.Combine("db-password");
        await File.WriteAllTextAsync(passwordFile, PostgresServer.Password + "\n");
        var database = new NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync()).Database!;
        var options = new PostgreSqlStoreOptions { ConnectionString = postgres.Server.ConnectionStringFor(database, withPassword: false), PasswordFile = passwordFile };

        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await using var command = dataSource.CreateCommand("SELECT current_database()");

        (await command.ExecuteScalarAsync()).Should().Be(database);
    }

    [Fact]
    public void CreateDataSource_TwoPasswordSources_FailsNamingTheSection()
    {
        var options = new PostgreSqlStoreOptions
        {
            ConnectionString = "Host=127.0.0.1;Database=x;Username=cc;Password=inline",
            PasswordEnvironmentVariable = "CC_DB_PASSWORD",
        };

        var act = () => PostgreSqlTicketStoreFactory.CreateDataSource(options);

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*ContactCenter:Store:PostgreSql*one place only*");
    }
}
