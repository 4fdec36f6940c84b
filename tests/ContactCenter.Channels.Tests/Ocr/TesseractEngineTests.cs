using System.Diagnostics;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class TesseractEngineTests(OcrFixture fixture)
{
    [Fact]
    public async Task Recognize_PastDeadline_StopsThroughTheMonitor()
    {
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = DecodeLetter();

        var act = () => lease.Engine.Recognize(page, 300, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        act.Should().Throw<OcrTimeoutException>();
        lease.MarkBroken();
    }

    [Fact]
    public async Task Recognize_CancelledMidPage_StopsSoonThroughTheCancelCallback()
    {
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = DecodeLetter();
        var full = Stopwatch.StartNew();
        lease.Engine.Recognize(page, 300, TimeSpan.FromMinutes(2), CancellationToken.None).LetterCount.Should().BeGreaterThan(500);
        full.Stop();
        using var cancel = new CancellationTokenSource(full.Elapsed / 10);

        var cancelled = Stopwatch.StartNew();
        var act = () => lease.Engine.Recognize(page, 300, TimeSpan.FromMinutes(2), cancel.Token);

        act.Should().Throw<OperationCanceledException>();
        cancelled.Elapsed.Should().BeLessThan(full.Elapsed);
    }

    [Fact]
    public async Task DetectOrientation_UpsideDownPage_SaysTurn180()
    {
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = DecodeLetter(fixture.Scans.Rotated180Png);

        var guess = lease.Engine.DetectOrientation(page, 300);

        guess.Should().NotBeNull();
        guess!.RotateClockwiseDegrees.Should().Be(180);
    }

    private PixHandle DecodeLetter(string? path = null)
    {
        var bytes = File.ReadAllBytes(path ?? fixture.Scans.Letter300Png);
        return ImageDocument.Open(bytes, DocumentFormat.Png).Decode(0);
    }
}
