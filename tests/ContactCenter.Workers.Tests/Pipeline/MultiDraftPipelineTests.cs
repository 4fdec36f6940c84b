using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

public sealed class MultiDraftPipelineTests
{
    [Fact]
    public async Task Ingest_BatchScanOfThreeLetters_MakesThreeTicketsAndAcknowledgesTheFileOnce()
    {
        using var harness = new PipelineHarness(configure: s => s.AddSingleton<IItemNormalizer, SplittingNormalizer>());
        var source = new MemorySource("scans");
        source.Add("mem:scans/batch1", "Subject: Lettere\n\nprima lettera\n---\nseconda lettera\n---\nterza lettera", SplittingNormalizer.ContentType);
        source.Add("mem:scans/single", "Subject: Una\n\nuna sola lettera", SplittingNormalizer.ContentType);

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Created.Should().Be(4);
        source.Acknowledged.Should().Equal("mem:scans/batch1", "mem:scans/single");
        var keys = (await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Select(t => t.SourceKey);
        keys.Should().BeEquivalentTo(["mem:scans/batch1", "mem:scans/batch1#part2", "mem:scans/batch1#part3", "mem:scans/single"]);

        // A replay of the same file (not acknowledged before a crash) is recognised by the item's own key.
        var replay = new MemorySource("scans");
        replay.Add("mem:scans/batch1", "Subject: Lettere\n\nprima lettera\n---\nseconda lettera\n---\nterza lettera", SplittingNormalizer.ContentType);
        var again = await harness.Pipeline.RunAsync(replay, null, CancellationToken.None);
        again.AlreadyStored.Should().Be(1);
        again.Created.Should().Be(0);
    }

    private sealed class SplittingNormalizer : IMultiDraftNormalizer
    {
        public const string ContentType = "text/x-cc-batch";

        public bool CanNormalize(InboundItem item) => item.OriginalContentType == ContentType;

        public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken) =>
            (await NormalizeAllAsync(item, cancellationToken))[0];

        public async Task<IReadOnlyList<TicketDraft>> NormalizeAllAsync(InboundItem item, CancellationToken cancellationToken)
        {
            await using var stream = await item.OpenAsync(cancellationToken);
            var text = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
            return text.Split("\n\n", 2)[1].Split("\n---\n").Select((letter, i) => new TicketDraft
            {
                SourceKey = IMultiDraftNormalizer.PartSourceKey(item.SourceKey, i + 1),
                ChannelName = item.ChannelName,
                Channel = ChannelKind.Postal,
                ReceivedAt = item.ReceivedAt,
                Subject = $"Lettera {i + 1}",
                TextBody = letter,
            }).ToList();
        }
    }
}
