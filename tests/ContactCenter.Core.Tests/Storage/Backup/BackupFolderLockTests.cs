using ContactCenter.Core.Storage.Backup;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Storage.Backup;

public sealed class BackupFolderLockTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-backup-lock");
    private readonly FakeTimeProvider time = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Acquire_HeldByAnotherRun_WaitsUntilReleased_AndSaysSoOnce()
    {
        var first = await BackupFolderLock.AcquireAsync(folder.Path, () => throw new InvalidOperationException("a free folder needs no wait"),
            time, CancellationToken.None);
        var said = 0;
        var saying = new TaskCompletionSource();

        var second = BackupFolderLock.AcquireAsync(folder.Path, () =>
        {
            Interlocked.Increment(ref said);
            saying.TrySetResult();
            return Task.CompletedTask;
        }, time, CancellationToken.None);
        await saying.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var retry = 0; retry < 3; retry++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        second.IsCompleted.Should().BeFalse("the folder is held by the first run");
        first.Dispose();
        time.Advance(TimeSpan.FromSeconds(1));

        using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(30));
        said.Should().Be(1, "the wait is announced once, not at every retry");
    }

    [Fact]
    public async Task Acquire_Cancelled_StopsWaiting()
    {
        using var first = await BackupFolderLock.AcquireAsync(folder.Path, () => Task.CompletedTask, time, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = BackupFolderLock.AcquireAsync(folder.Path, () => Task.CompletedTask, time, cancel.Token);
        await cancel.CancelAsync();

        await waiting.Invoking(w => w).Should().ThrowAsync<OperationCanceledException>();
    }
}
