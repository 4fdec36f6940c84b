using System.Security.Cryptography;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary><c>store verify</c> with the originals in PostgreSQL's <c>blobs</c> table: the names from the tables, each blob hashed by the server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreVerifyOnPostgreSqlTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-pg-verify");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Verify_OriginalsInTheDatabase_SoundThenDamagedAndMissingNamed()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var config = await AttachmentMail.IngestOnceAsync(folder,
            new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = database, Clustered = false } });

        var sound = await CliRun.RunAsync(null, "store", "verify", "--json", "--config", config);

        sound.ExitCode.Should().Be(0, sound.Output + sound.Error);
        var report = JsonDocument.Parse(sound.Output).RootElement;
        report.GetProperty("referenced").GetInt32().Should().Be(2, "the two originals, which hold the attachments");
        report.GetProperty("verified").GetInt32().Should().Be(report.GetProperty("referenced").GetInt32());
        report.GetProperty("slices").GetInt32().Should().Be(3, "the photo, the HTML report and the form, each read from its original");
        report.GetProperty("slicesVerified").GetInt32().Should().Be(3);

        // The originals of the message with the photo (the larger) and of the one with the form.
        string photo, form;
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await using (var originals = dataSource.CreateCommand("SELECT sha256 FROM blobs ORDER BY size DESC"))
            await using (var reader = await originals.ExecuteReaderAsync())
            {
                var names = new List<string>();
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }

                names.Should().HaveCount(2);
                (photo, form) = (names[0], names[1]);
            }

            // First a ticket's record of where the photo lies in its original, four bytes off: the originals are sound.
            // (The ticket's attachments are kept once, in its first message.)
            var photoAttachment = (string)(await dataSource.CreateCommand(
                "SELECT a ->> 'Sha256' FROM tickets, jsonb_array_elements(doc #> '{Messages,0,Attachments}') a WHERE a ->> 'FileName' LIKE '%.jpg'").ExecuteScalarAsync())!;
            await dataSource.CreateCommand("""
                UPDATE tickets SET doc = jsonb_set(doc, '{Messages,0,Attachments}', (
                    SELECT jsonb_agg(CASE WHEN a ->> 'FileName' LIKE '%.jpg'
                        THEN jsonb_set(a, '{InOriginal,Start}', to_jsonb((a #>> '{InOriginal,Start}')::bigint + 4)) ELSE a END)
                    FROM jsonb_array_elements(doc #> '{Messages,0,Attachments}') a))
                WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(doc #> '{Messages,0,Attachments}') a WHERE a ->> 'FileName' LIKE '%.jpg')
                """).ExecuteNonQueryAsync();
            var misplaced = await CliRun.RunAsync(null, "store", "verify", "--config", config);
            misplaced.ExitCode.Should().Be(1, misplaced.Output + misplaced.Error);
            misplaced.Output.Should().Contain("Attachments read from their originals: 2 of 3 decoded");
            misplaced.Error.Should().Contain("NOT sound (1 problem(s))").And.Contain($"attachment {photoAttachment}: its slice of original")
                .And.Contain("the ticket's record of where it lies is wrong");

            await dataSource.CreateCommand($"UPDATE blobs SET content = set_byte(content, 0, 255 - get_byte(content, 0)) WHERE sha256 = '{photo}'; DELETE FROM blobs WHERE sha256 = '{form}'")
                .ExecuteNonQueryAsync();
        }

        var broken = await CliRun.RunAsync(null, "store", "verify", "--config", config);

        broken.ExitCode.Should().Be(1, broken.Output + broken.Error);
        broken.Error.Should().Contain("NOT sound (2 problem(s))").And.Contain($"{photo}: its content hashes to")
            .And.Contain($"{form}: named by the store, not in the archive");
        var quick = await CliRun.RunAsync(null, "store", "verify", "--quick", "--json", "--config", config);
        quick.ExitCode.Should().Be(1);
        var quickReport = JsonDocument.Parse(quick.Output).RootElement;
        quickReport.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should().ContainSingle().Which.Should().Contain(form);
        quickReport.GetProperty("present").GetInt32().Should().Be(report.GetProperty("referenced").GetInt32() - 1);
        quickReport.GetProperty("verified").GetInt32().Should().Be(0, "--quick reads no content");
    }
}
