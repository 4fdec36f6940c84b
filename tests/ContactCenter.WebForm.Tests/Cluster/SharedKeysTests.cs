using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tracking;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.WebForm.Keys;
using ContactCenter.WebForm.Tracking;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Tests.Cluster;

/// <summary>
/// One machine moving to PostgreSQL, then a second node joining: the keys the first kept in its data folder become the
/// cluster's, so the receipts it already sent and the forms it already served stay valid on every node.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class SharedKeysTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-shared-keys");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TrackingSecret_FirstNodesKeyFileBecomesTheClusters_ASecondNodesOwnFileIsNotUsed()
    {
        using var store = await SharedStoreAsync();
        var first = DataFolderWithTrackingKey("primo", new string('a', 44));
        var second = DataFolderWithTrackingKey("secondo", new string('b', 44));
        var logger = new RecordingLogger();

        var linksOfFirst = Links(first, store.GetRequiredService<ISharedKeyStore>(), logger);
        var linksOfSecond = Links(second, store.GetRequiredService<ISharedKeyStore>(), logger);

        var signedBefore = Token(new string('a', 44), "PC-2026-000007");
        linksOfFirst.TokenFor("PC-2026-000007").Should().Be(signedBefore, "a link in a receipt sent before the move still opens");
        linksOfSecond.IsValid("PC-2026-000007", signedBefore).Should().BeTrue("and it opens on the node that joined later");
        linksOfSecond.IsValid("PC-2026-000007", Token(new string('b', 44), "PC-2026-000007")).Should().BeFalse();
        logger.Entries.Should().ContainSingle(e => e.Id.Id == 2809).Which.Message.Should().Contain(Path.Combine(second, "webform", "tracking.key"));
    }

    [Fact]
    public async Task KeyRing_KeysOfTheDataFolder_JoinTheSharedRing_AnotherNodeOpensWhatTheyProtected()
    {
        using var store = await SharedStoreAsync();
        var shared = store.GetRequiredService<ISharedKeyStore>();
        var alone = Path.Combine(folder.Path, "alone");
        var sealedAlone = Protector(keys => keys.PersistKeysToFileSystem(new DirectoryInfo(FormKeys.KeyRingFolder(alone)))).Protect("modulo servito prima");

        var firstNode = Protector(keys => keys.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new SharedKeyXmlRepository(shared, alone)));
        var otherNode = Protector(keys => keys.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new SharedKeyXmlRepository(shared, Path.Combine(folder.Path, "empty"))));

        firstNode.Unprotect(sealedAlone).Should().Be("modulo servito prima");
        otherNode.Unprotect(sealedAlone).Should().Be("modulo servito prima", "the node that joined reads the ring the first one brought");
        otherNode.Unprotect(firstNode.Protect("dopo")).Should().Be("dopo");
        shared.List("dataprotection/").Should().HaveCount(1, "the folder's key was brought once and no node made another");
    }

    [Fact]
    public async Task LoadSharedKeyRing_NodesStartingAtTheSameInstant_OneKeyBetweenThem()
    {
        // Several rounds, each on an empty ring: unlocked, two nodes reading it empty at once each make a key.
        for (var round = 0; round < 4; round++)
        {
            using var store = await SharedStoreAsync();
            var nodes = Enumerable.Range(0, 3).Select(n => WebServices(store, Path.Combine(folder.Path, $"r{round}n{n}"))).ToList();
            using var start = new Barrier(nodes.Count);
            await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
            {
                start.SignalAndWait();
                await WebFormKeys.LoadSharedKeyRingAsync(node, store, new RecordingLogger(), CancellationToken.None);
            })));

            store.GetRequiredService<ISharedKeyStore>().List("dataprotection/").Count.Should().Be(1, "round {0}: the first node made the key, the others found it", round);
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private static ServiceProvider WebServices(IServiceProvider service, string dataDirectory)
    {
        var web = new ServiceCollection().AddLogging();
        WebFormKeys.Configure(web, service, dataDirectory);
        return web.BuildServiceProvider();
    }

    private static IDataProtector Protector(Action<IDataProtectionBuilder> keys)
    {
        var services = new ServiceCollection();
        keys(services.AddDataProtection().SetApplicationName("contactcenter-webform"));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    private async Task<ServiceProvider> SharedStoreAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{PostgreSqlStoreOptions.SectionName}:ConnectionString"] = await postgres.Server.CreateDatabaseAsync(),
        }).Build();
        return new ServiceCollection().AddLogging().AddPostgreSqlTicketStore(configuration).BuildServiceProvider();
    }

    private string DataFolderWithTrackingKey(string node, string secret)
    {
        var data = Path.Combine(folder.Path, node);
        Directory.CreateDirectory(Path.Combine(data, "webform"));
        File.WriteAllText(Path.Combine(data, "webform", "tracking.key"), secret);
        return data;
    }

    private static TrackingLinks Links(string dataDirectory, ISharedKeyStore shared, RecordingLogger logger)
    {
        var options = Options.Create(new WebFormOptions { Enabled = true, Url = "http://127.0.0.1:5290" });
        var secret = new TrackingSecret(options, Options.Create(new StoreOptions { DataDirectory = dataDirectory }), new TypedRecordingLogger<TrackingSecret>(logger), shared);
        return new TrackingLinks(options, secret);
    }

    private static string Token(string secret, string number) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(number)), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
