using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary><c>tickets save</c> with the originals in PostgreSQL: nothing on disk to copy by hand, the database serves them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TicketFilesOnPostgreSqlTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-pg-files");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Save_OriginalsInTheDatabase_WritesTheSameBytes()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder,
            new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = await postgres.Server.CreateDatabaseAsync(), Clustered = false } });
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config);
        var number = JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets").EnumerateArray()
            .Single(t => t.GetProperty("subject").GetString() == AttachmentMail.DamageSubject).GetProperty("number").GetString()!;
        var to = folder.Combine("pratica");

        var save = await CliRun.RunAsync(null, "tickets", "save", number, "--to", to, "--config", config);

        save.ExitCode.Should().Be(0, save.Output + save.Error);
        Directory.Exists(folder.Combine("data", "archive")).Should().BeFalse("the originals live in the database");
        File.ReadAllBytes(Path.Combine(to, "foto danni.jpg")).Should().Equal(AttachmentMail.Photo);
        File.ReadAllText(Path.Combine(to, "relazione.html")).Should().Be(AttachmentMail.Html);
        Directory.GetFiles(to, "*.eml").Should().ContainSingle();
    }
}
