using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cli;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class StoreCopyTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-copy");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task StoreCopy_LiteDbIntoPostgreSql_SameTicketsAndOriginals_RunTwiceIsHarmless()
    {
        var data = folder.Combine("data");
        var numbers = await KnownStore.BuildAsync(data);
        var quarantined = await KnownStore.QuarantineAsync(data, "urp", "From: x@example.it\r\n\r\nrotto"u8.ToArray(), "rotto.eml", "Messaggio illeggibile");
        var source = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });
        var database = await postgres.Server.CreateDatabaseAsync();
        var target = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("pg"), PostgreSql = new { ConnectionString = database } },
        });

        var first = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);
        var again = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);

        first.ExitCode.Should().Be(0, first.Output + first.Error);
        first.Output.Should().Contain("Copy verified").And.Contain("Originals read back and re-hashed: 1");
        again.ExitCode.Should().Be(0, again.Output + again.Error);
        var copied = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("pg") }, new PostgreSqlStoreOptions { ConnectionString = database });
        using (copied)
        {
            (await copied.QueryAsync(new TicketQuery(), default)).Select(t => t.Number).Should().BeEquivalentTo(numbers.Values);
            (await copied.GetAsync(numbers["A"], default))!.Status.Should().Be(Core.Tickets.TicketStatus.Closed);
            (await copied.GetQuarantineAsync(quarantined, default))!.Reason.Should().Be("Messaggio illeggibile");
            var at = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
            var next = await copied.DispatchAsync([new DispatchRequest
            {
                Draft = new Core.Intake.TicketDraft { SourceKey = "after-copy", ChannelName = "urp", Channel = Core.Tickets.ChannelKind.Email, ReceivedAt = at, Subject = "Dopo la copia", TextBody = "Testo" },
                Classification = new Core.Tickets.Classification(),
                ClockStartedAt = at,
                DueAt = at.AddDays(2),
            }], default);
            next.Single().TicketNumber.Should().Be("PC-2026-000005", "numbering goes on after the copied tickets");
        }
    }

    [Fact]
    public async Task StoreCopy_WebhookOutboxSpamAndFolderArchive_CopiedAndRehashed_InterruptedCopyFinishesOnSecondRun()
    {
        var data = folder.Combine("data");
        var webhooks = new WebhookSubscriptions([new("backoffice", new HashSet<string> { WebhookEventTypes.TicketCreated, WebhookEventTypes.TicketUpdated })]);
        using (var lite = TicketStoreFactory.Open(KnownStore.Options(data), webhooks: webhooks))
        {
            var at = KnownStore.March2;
            await lite.DispatchAsync([Request("W1", at), Request("W2", at)], default);
            var due = await lite.GetDueWebhooksAsync(DateTimeOffset.MaxValue, 10, [], default);
            due.Should().HaveCount(2);
            due[0].DeliveredAt = at.AddMinutes(1);
            due[0].Attempts = 1;
            await lite.UpdateWebhookAsync(due[0], default);
            await lite.HoldSpamAsync(new SpamRecord { SourceKey = "email:spam-1", ChannelName = "email", Subject = "Vinci subito", Score = 18.5, At = at }, default);
        }

        var archive = TicketStoreFactory.OpenArchive(KnownStore.Options(data));
        var originals = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            originals.Add((await archive.StoreAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"From: c{i}@example.it\r\n\r\ntesto {i}")), $"m{i}.eml", "message/rfc822", default)).Sha256);
        }

        var shared = folder.Combine("shared-archive");
        var database = await postgres.Server.CreateDatabaseAsync();
        var source = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });
        var target = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("pg"), ArchivePath = shared, PostgreSql = new { ConnectionString = database, Archive = "Folder" } },
        });

        var first = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);
        first.ExitCode.Should().Be(0, first.Output + first.Error);
        // An interrupted copy: some originals and a webhook row never made it.
        File.Delete(Path.Combine(shared, originals[0][..2], originals[0][2..4], originals[0]));
        File.Delete(Path.Combine(shared, originals[3][..2], originals[3][2..4], originals[3]));
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await dataSource.CreateCommand("DELETE FROM webhooks WHERE id = (SELECT max(id) FROM webhooks)").ExecuteNonQueryAsync();
        }

        var again = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);

        again.ExitCode.Should().Be(0, again.Output + again.Error);
        again.Output.Should().Contain("Copy verified").And.Contain("Originals read back and re-hashed: 5");
        foreach (var sha in originals)
        {
            var path = Path.Combine(shared, sha[..2], sha[2..4], sha);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).Should().Be(sha);
        }

        var copied = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("pg"), ArchivePath = shared },
            new PostgreSqlStoreOptions { ConnectionString = database, Archive = PostgreSqlArchiveKind.Folder }, webhooks: webhooks);
        using (copied)
        {
            var summary = (await copied.SummarizeWebhooksAsync(pendingOnly: false, default)).Should().ContainSingle().Subject;
            (summary.Webhook, summary.Pending, summary.Delivered).Should().Be(("backoffice", 1, 1));
            (await copied.ListSpamAsync(includeResolved: true, default)).Should().ContainSingle()
                .Which.Should().BeEquivalentTo(new { SourceKey = "email:spam-1", Subject = "Vinci subito", Score = 18.5 }, "held spam is copied too");
            var pending = (await copied.GetDueWebhooksAsync(DateTimeOffset.MaxValue, 10, [], default)).Should().ContainSingle().Subject;
            var at = KnownStore.March2;
            await copied.DispatchAsync([Request("W3", at)], default);
            (await copied.GetDueWebhooksAsync(DateTimeOffset.MaxValue, 10, [], default)).Select(d => d.Id).Should().HaveCount(2).And.OnlyHaveUniqueItems()
                .And.Contain(pending.Id, "ids go on after the copied rows");
        }
    }

    [Fact]
    public async Task StoreCopy_LiteDbCollectionItDoesNotKnow_NotVerified()
    {
        var data = folder.Combine("data");
        await KnownStore.BuildAsync(data);
        using (var lite = new LiteDB.LiteDatabase(Path.Combine(data, "tickets.db")))
        {
            lite.GetCollection("mystery").Insert(new LiteDB.BsonDocument { ["x"] = 1 });
        }

        var source = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });
        var target = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("pg"), PostgreSql = new { ConnectionString = await postgres.Server.CreateDatabaseAsync() } },
        });

        var copy = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);

        copy.ExitCode.Should().NotBe(0);
        copy.Output.Should().Contain("mystery").And.Contain("NOT verified");
    }

    [Fact]
    public async Task StoreCopy_FormKeysAndRotatedTokensOfTheDataFolder_BecomeTheClusters_AnotherTrackingSecretThereNamed()
    {
        var data = folder.Combine("data");
        await KnownStore.BuildAsync(data);
        var secret = new string('s', 44);
        Directory.CreateDirectory(Path.Combine(data, "webform", "keys"));
        await File.WriteAllTextAsync(Path.Combine(data, "webform", "tracking.key"), secret + "\n");
        await File.WriteAllTextAsync(Path.Combine(data, "webform", "keys", "key-7d1e.xml"), "<key id=\"7d1e\" version=\"1\">\n  <creationDate>2026-01-02T03:04:05Z</creationDate>\n</key>");
        // What the single machine's OAuth2 login rotated last: the configured token may be retired at the provider.
        const string Rotated = "{\"configuredSha256\":\"ab12\",\"refreshToken\":\"rt-rotated\",\"rotatedAt\":\"2026-12-01T08:00:00+00:00\"}";
        Directory.CreateDirectory(Path.Combine(data, "oauth2"));
        await File.WriteAllTextAsync(Path.Combine(data, "oauth2", "refresh-token-urp-0123456789ab.json"), Rotated);
        var source = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });
        async Task<(CliRun.Result Copy, string Database)> CopyIntoAsync(string? keyVariable, params string[] before)
        {
            var database = await postgres.Server.CreateDatabaseAsync();
            await using var dataSource = NpgsqlDataSource.Create(database);
            await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);
            foreach (var sql in before)
            {
                await using var command = dataSource.CreateCommand(sql);
                await command.ExecuteNonQueryAsync();
            }

            var target = JsonConfigFile.Write(folder.Path, new
            {
                Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("pg"), PostgreSql = new { ConnectionString = database, SecretsKeyEnvironmentVariable = keyVariable } },
            });
            return (await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target), database);
        }

        var (copy, copied) = await CopyIntoAsync(null);
        var keyVariable = TestSecretsKey.Create().Variable;
        var (sealedCopy, sealedInto) = await CopyIntoAsync(keyVariable);
        var (refused, _) = await CopyIntoAsync(null, "INSERT INTO shared_keys (name, value) VALUES ('webform/tracking', 'a-secret-a-node-made-there-first-0000000000')");

        copy.ExitCode.Should().Be(0, copy.Output + copy.Error);
        copy.Output.Should().MatchRegex(@"form keys\s*│\s*2\s*│\s*2").And.MatchRegex(@"OAuth2 rotated tokens\s*│\s*1\s*│\s*1");
        await using (var dataSource = NpgsqlDataSource.Create(copied))
        await using (var command = dataSource.CreateCommand("SELECT name, value FROM shared_keys ORDER BY name"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var rows = new List<(string, string)>();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }

            rows.Should().Equal(
                ("dataprotection/key-7d1e", "<key id=\"7d1e\" version=\"1\"><creationDate>2026-01-02T03:04:05Z</creationDate></key>"),
                ("oauth2/refresh-token-urp-0123456789ab", Rotated),
                ("webform/tracking", secret));
        }

        sealedCopy.ExitCode.Should().Be(0, sealedCopy.Output + sealedCopy.Error);
        await using (var dataSource = NpgsqlDataSource.Create(sealedInto))
        {
            var nodes = new PostgreSqlSharedKeys(dataSource, NullLogger.Instance, SharedKeysCipher.From(new PostgreSqlStoreOptions { SecretsKeyEnvironmentVariable = keyVariable }));
            (await nodes.GetAsync("oauth2/refresh-token-urp-0123456789ab", default)).Should().Be(Rotated, "sealed with the target's secrets key, opened by a node's");
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM shared_keys WHERE starts_with(value, 'aes256gcm:')");
            (await command.ExecuteScalarAsync()).Should().Be(3L, "the form's keys and the token rest sealed");
        }

        refused.ExitCode.Should().NotBe(0, "the receipts' links would not open on the nodes");
        refused.Output.Should().Contain("another tracking secret").And.Contain("NOT verified");
    }

    private static DispatchRequest Request(string key, DateTimeOffset at) => new()
    {
        Draft = new Core.Intake.TicketDraft { SourceKey = "test:" + key, ChannelName = "urp", Channel = Core.Tickets.ChannelKind.Email, ReceivedAt = at, Subject = "Richiesta " + key, TextBody = "Testo" },
        Classification = new Core.Tickets.Classification(),
        ClockStartedAt = at,
        DueAt = at.AddDays(2),
    };
}
