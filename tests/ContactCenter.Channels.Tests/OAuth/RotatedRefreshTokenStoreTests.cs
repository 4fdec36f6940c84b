using System.Text.Json;
using ContactCenter.Channels.OAuth;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>
/// Which rotated token a login uses when the state file and the process's memory disagree: the newer one. The file is
/// newer when another process (the CLI, a second node) rotated the token since; memory is newer when this process's
/// last save did not reach the file, which then still holds a token the server retired.
/// </summary>
public sealed class RotatedRefreshTokenStoreTests : IDisposable
{
    private const string Configured = "configured-sha256";
    private readonly TempDirectory folder = new("cc-oauth-store");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private string StateFile => folder.Combine("refresh-token-imap.json");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Load_FileRotatedLaterByAnotherProcess_FileTokenWins()
    {
        var service = Store();
        await service.SaveAsync(Configured, "rotated-by-service", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));

        await Store().SaveAsync(Configured, "rotated-by-cli", CancellationToken.None);

        (await service.LoadAsync(Configured, CancellationToken.None)).Should().Be("rotated-by-cli");
    }

    [Fact]
    public async Task Load_FileOlderThanAFailedSave_MemoryTokenWins()
    {
        var service = Store();
        await service.SaveAsync(Configured, "retired", CancellationToken.None);
        var retired = await File.ReadAllBytesAsync(StateFile);
        time.Advance(TimeSpan.FromMinutes(5));
        await service.SaveAsync(Configured, "current", CancellationToken.None);

        // What a save that failed (disk full, folder made read-only) leaves: the file with the earlier rotation.
        await File.WriteAllBytesAsync(StateFile, retired);

        (await service.LoadAsync(Configured, CancellationToken.None)).Should().Be("current");
        (await Store().LoadAsync(Configured, CancellationToken.None)).Should().Be("retired", "another process has only the file");
    }

    [Fact]
    public async Task Load_SameRotationTimeInFileAndMemory_FileTokenWins()
    {
        var service = Store();
        await service.SaveAsync(Configured, "mine", CancellationToken.None);
        var entry = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(StateFile));
        await File.WriteAllTextAsync(StateFile, JsonSerializer.Serialize(new
        {
            configuredSha256 = Configured,
            refreshToken = "theirs",
            rotatedAt = entry.GetProperty("rotatedAt").GetDateTimeOffset(),
        }));

        // Only a strictly newer memory wins: at equal times the file is what every process agrees on.
        (await service.LoadAsync(Configured, CancellationToken.None)).Should().Be("theirs");
    }

    private RotatedRefreshTokenStore Store() => new(StateFile, "imap", time, NullLogger.Instance);
}
