using System.Text.Json;
using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.OAuth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>
/// A refresh token the server rotates, against the real token server: kept in the data folder for the next start and
/// for <c>channels check</c>, replaced by the configured file's token when the administrator renews it.
/// </summary>
public sealed class RotatedRefreshTokenTests : IAsyncLifetime, IDisposable
{
    private const string User = "urp@example.it";
    private const string Secret = "s3cret";
    private readonly TempDirectory folder = new("cc-oauth-rotation");
    private TestTokenServer server = null!;
    private TokenClient client = null!;
    private OAuth2Options options = null!;
    private string configured = null!;

    /// <summary>The configured file (read-only to the service in production).</summary>
    private string TokenFile => folder.Combine("refresh-token");

    private string StateFolder => OAuth2TokenRegistry.StateFolder(new StoreOptions { DataDirectory = folder.Combine("data") });

    public async Task InitializeAsync()
    {
        server = await TestTokenServer.StartAsync();
        server.RotateRefreshTokens = true;
        client = server.AddClient("app-rotation", User, secret: Secret);
        configured = server.IssueRefreshToken(client.ClientId, User);
        await File.WriteAllTextAsync(TokenFile, configured + "\n");
        options = OAuth2TestSetup.Generic(server, client.ClientId, Secret);
        options.Grant = OAuth2Grant.RefreshToken;
        options.RefreshTokenFile = TokenFile;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Refresh_RotatedToken_UsedAfterRestartAndByASecondProcess()
    {
        var service = Start(new RecordingLogger());
        var first = await service.GetAsync(CancellationToken.None);
        server.IsRefreshTokenActive(configured).Should().BeFalse("the server retired the configured token when it rotated it");

        // The CLI's channels check (a second process) and a restarted service log in with what the first one kept.
        await Start(new RecordingLogger()).GetAsync(CancellationToken.None);
        var restarted = await Start(new RecordingLogger()).GetAsync(CancellationToken.None);
        service.Invalidate(first);
        var again = await service.GetAsync(CancellationToken.None);

        restarted.AccessToken.Should().NotBe(first.AccessToken);
        again.AccessToken.Should().NotBe(restarted.AccessToken, "the first process re-reads the state the others rotated");
        Directory.GetFiles(StateFolder).Should().ContainSingle("one state file per login, no temp file left behind");
    }

    [Fact]
    public async Task Refresh_ThroughTheRegistryWithTheStoreOptions_StateKeptInTheDataFolder()
    {
        var store = Options.Create(new StoreOptions { DataDirectory = folder.Combine("data") });
        OAuth2TokenCache Registry() => new OAuth2TokenRegistry(new OAuth2HttpHandlerFactory(), TimeProvider.System, NullLoggerFactory.Instance, store)
            .For("urp", options, User);

        await Registry().GetAsync(CancellationToken.None);
        var restarted = async () => await Registry().GetAsync(CancellationToken.None);

        await restarted.Should().NotThrowAsync();
        Directory.GetFiles(StateFolder, "refresh-token-urp-*.json").Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refresh_RotatedTokenRevoked_NewFileTokenUsed(bool dataFolder)
    {
        var logger = new RecordingLogger();
        var cache = dataFolder ? Start(logger) : OAuth2TestSetup.Cache(server, options, User, logger);
        var first = await cache.GetAsync(CancellationToken.None);

        // Consent withdrawn: every refresh token of the client dies, the rotated one too.
        server.RevokeRefreshTokens(client.ClientId);
        cache.Invalidate(first);
        await FluentActions.Awaiting(() => cache.GetAsync(CancellationToken.None)).Should().ThrowAsync<OAuth2TokenException>()
            .WithMessage("*invalid_grant*");

        // Consent given again; the administrator writes the new token to the file, without a restart.
        var renewed = server.IssueRefreshToken(client.ClientId, User);
        await File.WriteAllTextAsync(TokenFile, renewed);
        var token = await cache.GetAsync(CancellationToken.None);

        token.AccessToken.Should().NotBe(first.AccessToken);
        server.IsRefreshTokenActive(renewed).Should().BeFalse("the renewed token was the one presented (and rotated)");
        logger.Has(2768).Should().Be(dataFolder, "the refused rotated token was dropped and the configured one tried (logged with a data folder)");
    }

    [Fact]
    public async Task Refresh_RotatedTokenRefused_ConfiguredTokenRetriedOnce()
    {
        // Entra ID rotates but leaves the used token valid: the configured one still works when the rotated one is revoked.
        server.KeepUsedRefreshTokens = true;
        var logger = new RecordingLogger();
        var cache = Start(logger);
        var first = await cache.GetAsync(CancellationToken.None);
        var rotated = ReadState().GetProperty("refreshToken").GetString()!;
        server.RevokeRefreshToken(rotated);
        cache.Invalidate(first);

        var token = await cache.GetAsync(CancellationToken.None);

        token.AccessToken.Should().NotBe(first.AccessToken);
        logger.Has(2768).Should().BeTrue();
        var successor = ReadState().GetProperty("refreshToken").GetString();
        successor.Should().NotBe(rotated).And.NotBe(configured);
        server.IsRefreshTokenActive(successor!).Should().BeTrue("the state holds the token the configured one was rotated into");
    }

    [Fact]
    public async Task StateFile_OwnerOnly_WithoutTheConfiguredToken()
    {
        await Start(new RecordingLogger()).GetAsync(CancellationToken.None);

        var path = Directory.GetFiles(StateFolder).Should().ContainSingle().Subject;
        var text = await File.ReadAllTextAsync(path);
        text.Should().NotContain(configured);
        ReadState().GetProperty("configuredSha256").GetString().Should().Be(RotatedRefreshTokenStore.Fingerprint(configured));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(StateFolder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task StateFile_SavedByRootInTheServicesDataFolder_BelongsToTheServicesUser()
    {
        // The admin's `sudo contactcenter channels check` saves the rotation; the service (another user) must read it.
        var data = Directory.CreateDirectory(folder.Combine("data")).FullName;
        const uint Service = 65534;
        var root = ContactCenter.Channels.Files.UnixOwner.IsRoot;
        if (root)
        {
            ContactCenter.Channels.Files.UnixOwner.Give(data, (Service, Service)).Should().BeTrue();
        }

        await Start(new RecordingLogger()).GetAsync(CancellationToken.None);

        var expected = root ? Service : ContactCenter.Channels.Files.UnixOwner.Of(data)!.Value.Uid;
        ContactCenter.Channels.Files.UnixOwner.Of(StateFolder)!.Value.Uid.Should().Be(expected);
        ContactCenter.Channels.Files.UnixOwner.Of(Directory.GetFiles(StateFolder).Single())!.Value.Uid.Should().Be(expected);
    }

    [Fact]
    public async Task Refresh_StateFromAnotherConfiguredToken_Ignored()
    {
        // A login with an earlier token left its rotated successor (still valid at the server) in the data folder.
        await Start(new RecordingLogger()).GetAsync(CancellationToken.None);
        var earlier = ReadState().GetProperty("refreshToken").GetString()!;
        var replacement = server.IssueRefreshToken(client.ClientId, User);
        await File.WriteAllTextAsync(TokenFile, replacement);
        var logger = new RecordingLogger();

        await Start(logger).GetAsync(CancellationToken.None);

        server.IsRefreshTokenActive(earlier).Should().BeTrue("the state of the earlier configured token is not presented");
        server.IsRefreshTokenActive(replacement).Should().BeFalse("the configured token is the one presented");
        ReadState().GetProperty("configuredSha256").GetString().Should().Be(RotatedRefreshTokenStore.Fingerprint(replacement));
        logger.Has(2767).Should().BeTrue();
    }

    [Fact]
    public async Task Refresh_StateFolderNotWritable_TokenKeptInMemory()
    {
        // A file where the folder should be: the state cannot be written, the login goes on with the token in memory.
        Directory.CreateDirectory(Path.GetDirectoryName(StateFolder)!);
        await File.WriteAllTextAsync(StateFolder, "not a folder");
        var logger = new RecordingLogger();
        var cache = Start(logger);
        var first = await cache.GetAsync(CancellationToken.None);
        cache.Invalidate(first);

        var second = async () => await cache.GetAsync(CancellationToken.None);

        await second.Should().NotThrowAsync();
        logger.Has(2766).Should().BeTrue();
    }

    // One start of the service (or one channels check): a new cache and source over the same data folder.
    private OAuth2TokenCache Start(RecordingLogger logger)
    {
        var rotated = RotatedRefreshTokenStore.For(new OAuth2State(StateFolder), "urp", options, User, TimeProvider.System, logger);
        return new OAuth2TokenCache(
            "urp", OAuth2TokenSources.Create(options, User, new HttpClient(), TimeProvider.System, rotated), options, TimeProvider.System, logger);
    }

    private JsonElement ReadState()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(StateFolder).Single()));
        return document.RootElement.Clone();
    }
}
