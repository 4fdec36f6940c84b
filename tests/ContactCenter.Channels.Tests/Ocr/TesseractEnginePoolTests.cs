using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class TesseractEnginePoolTests
{
    [Fact]
    public async Task Rent_FromConcurrentThreads_GivesEachItsOwnEngineUpToCapacity()
    {
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 2 });
        using var start = new Barrier(2);

        var leases = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await pool.RentAsync(CancellationToken.None);
        })));
        var third = pool.RentAsync(CancellationToken.None);
        await Task.Delay(200);

        leases.Select(l => l.Engine).Should().OnlyHaveUniqueItems();
        third.IsCompleted.Should().BeFalse("both engines are lent out");
        leases[0].Dispose();
        using var reused = await third.WaitAsync(TimeSpan.FromSeconds(10));
        reused.Engine.Should().BeSameAs(leases[0].Engine);
        leases[1].Dispose();
    }

    [Fact]
    public async Task Return_BrokenEngine_IsReplacedByAFreshOne()
    {
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 1 });
        var first = await pool.RentAsync(CancellationToken.None);
        var firstId = first.Engine.Id;

        first.MarkBroken();
        first.Dispose();
        using var second = await pool.RentAsync(CancellationToken.None);

        second.Engine.Id.Should().NotBe(firstId);
    }

    [Fact]
    public async Task EnsureAvailable_SeveralEngines_LoadsTheOthersInTheBackground()
    {
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 2 });

        pool.EnsureAvailable();
        await pool.WarmingUp.WaitAsync(TimeSpan.FromMinutes(1));

        pool.Created.Should().Be(2);
        using var first = await pool.RentAsync(CancellationToken.None);
        using var second = await pool.RentAsync(CancellationToken.None);
        pool.Created.Should().Be(2, "both pages find an engine already loaded");
        first.Engine.Should().NotBeSameAs(second.Engine);
    }

    [Fact]
    public async Task EnsureAvailable_OneEngine_LoadsNothingInTheBackground()
    {
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 1 });

        pool.EnsureAvailable();
        await pool.WarmingUp;

        pool.Created.Should().Be(1);
    }

    [Fact]
    public void EnsureAvailable_WithInstalledLanguages_ReturnsTesseractVersion()
    {
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 1 });

        pool.EnsureAvailable().Should().StartWith("5.");
    }

    [Fact]
    public void EnsureAvailable_MissingLanguage_FailsNamingPackageFileAndFolder()
    {
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 1, Languages = "ita+xyz" });

        var act = pool.EnsureAvailable;

        act.Should().Throw<OcrUnavailableException>()
            .WithMessage("tesseract-ocr-xyz: xyz.traineddata not found in /usr/share/tesseract-ocr/5/tessdata*ContactCenter:Ocr:TessdataPath*");
    }

    [Fact]
    public void EnsureAvailable_EmptyTessdataFolder_FailsNamingTheFolder()
    {
        using var empty = new Testing.TempDirectory();
        using var pool = OcrFixture.CreatePool(new OcrOptions { EngineCount = 1, TessdataPath = empty.Path });

        var act = pool.EnsureAvailable;

        act.Should().Throw<OcrUnavailableException>().WithMessage($"tesseract-ocr-ita: ita.traineddata not found in {empty.Path}*");
    }
}
