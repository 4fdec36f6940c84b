using System.IO.Compression;
using System.Reflection;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Storage;
using ContactCenter.Ml;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>
/// A model file damaged inside one of its ML.NET models fails through reflection (TargetInvocationException); the
/// service keeps the previous model and classifies on, instead of quarantining a request at every check.
/// </summary>
public sealed class RoutingModelCorruptFileTests : IDisposable
{
    // Its training schema, damaged in the middle: ML.NET reads it in a constructor it calls by reflection.
    private const string Part = "TransformerChain/Transform_002/TrainSchema";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly TempDirectory folder = new("cc-model-corrupt");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_CorruptEmbeddedModel_FailsThroughReflection()
    {
        var path = folder.Combine("bad.zip");
        WriteCorrupt(path);
        using var content = File.OpenRead(path);

        FluentActions.Invoking(() => RoutingModelFile.Load(new MLContext(1), content, path))
            .Should().Throw<TargetInvocationException>("ML.NET makes the model's parts by reflection")
            .Which.GetBaseException().Should().Match<Exception>(e => e is EndOfStreamException || e is FormatException,
                "the damaged bytes are the cause: where they fall decides which of the two the reader throws");
    }

    [Fact]
    public void Refresh_CorruptEmbeddedModel_KeepsPreviousModel()
    {
        var path = folder.Combine("model.zip");
        File.Copy(RoutingModelFixture.DemoModel, path);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new ListLoggerProvider();
        using var factory = new LoggerFactory([logs]);
        var provider = Provider(path, time, factory.CreateLogger<RoutingModelProvider>());
        var previous = provider.Current;
        previous.Should().NotBeNull();

        WriteCorrupt(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        time.Advance(Interval);
        var classification = Classifier(provider).Classify(new LabelledRequest
        {
            Subject = "Crepe dopo il terremoto",
            Body = "Buongiorno, dopo la scossa di ieri ci sono crepe nei muri di casa. Potete verificare?",
        }.ToDraft());
        time.Advance(Interval);

        provider.Current.Should().BeSameAs(previous);
        classification.Model.Should().NotBeNull("the previous model still classifies");
        classification.Model!.Version.Should().Be(previous!.Version);
        logs.Entries.Count(e => e.EventId == 1342).Should().Be(1, "a file that failed is not loaded again until it changes");
    }

    [Fact]
    public void Refresh_CorruptFileReplaced_LoadsTheNewOne()
    {
        var path = folder.Combine("model.zip");
        WriteCorrupt(path);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = Provider(path, time, NullLogger<RoutingModelProvider>.Instance);
        provider.Current.Should().BeNull();

        File.Copy(RoutingModelFixture.DemoModel, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        time.Advance(Interval);

        provider.Current.Should().NotBeNull();
    }

    [Fact]
    public void Refresh_FileNotOpenableYet_RetriedAtNextCheckWithoutAChange()
    {
        var path = folder.Combine("model.zip");
        File.Copy(RoutingModelFixture.DemoModel, path);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new ListLoggerProvider();
        using var factory = new LoggerFactory([logs]);
        var provider = Provider(path, time, factory.CreateLogger<RoutingModelProvider>());

        // .NET enforces FileShare on Unix with flock, so a handle held without sharing stands for a copy still being
        // written or a scanner holding the file: the file is there, unchanged afterwards, and cannot be opened yet.
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            provider.Current.Should().BeNull();
        }

        logs.Entries.Should().ContainSingle(e => e.EventId == 1342);
        time.Advance(Interval);

        provider.Current.Should().NotBeNull("a file that could not be opened is not set aside as a bad model");
    }

    private RoutingModelProvider Provider(string path, TimeProvider time, ILogger<RoutingModelProvider> logger) =>
        new(Options.Create(new RoutingModelOptions { Enabled = true, Path = path, CheckInterval = Interval }), Options.Create(new RoutingOptions()),
            Options.Create(new StoreOptions { DataDirectory = folder.Path }), time, logger);

    private static LearnedTicketClassifier Classifier(RoutingModelProvider provider)
    {
        var routing = new RoutingOptions();
        return new LearnedTicketClassifier(new RuleBasedClassifier(Options.Create(routing), NullLogger<RuleBasedClassifier>.Instance),
            provider, new RoutingModelOptions { Enabled = true }, routing, NullLogger.Instance);
    }

    /// <summary>
    /// The demo model with 64 bytes flipped inside the level model's <see cref="Part"/>: the zips and the manifest stay
    /// readable; ML.NET fails while it builds the part (TargetInvocationException around an EndOfStreamException or a
    /// FormatException, as the flipped bytes fall).
    /// </summary>
    private static void WriteCorrupt(string path)
    {
        File.Copy(RoutingModelFixture.DemoModel, path, overwrite: true);
        using var outer = ZipFile.Open(path, ZipArchiveMode.Update);
        var level = outer.GetEntry("level.zip")!;
        using var inner = new MemoryStream();
        using (var stream = level.Open())
        {
            stream.CopyTo(inner);
        }

        using (var zip = new ZipArchive(inner, ZipArchiveMode.Update, leaveOpen: true))
        {
            var predictor = zip.GetEntry(Part)!;
            byte[] bytes;
            using (var stream = predictor.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            predictor.Delete();
            using var replaced = zip.CreateEntry(Part).Open();
            for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++)
            {
                bytes[i] ^= 0x5A;
            }

            replaced.Write(bytes);
        }

        level.Delete();
        using var entry = outer.CreateEntry("level.zip", CompressionLevel.NoCompression).Open();
        entry.Write(inner.ToArray());
    }
}
