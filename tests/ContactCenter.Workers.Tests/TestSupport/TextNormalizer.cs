using System.Text;
using ContactCenter.Core.Intake;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>
/// A normaliser for orchestration tests: "Subject: ..." and "Message-ID: ..." lines, a blank line, then the body. A body containing THROW makes it
/// fail like a buggy normaliser, REJECT like an unparseable item, SLOW makes it take a while (OCR-like); an item
/// <see cref="Hold"/> names takes 30 s unless cancelled.
/// </summary>
internal sealed class TextNormalizer : IItemNormalizer
{
    public const string ContentType = "text/x-cc-test";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> started = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> finished = new(StringComparer.Ordinal);
    private int calls;
    private int running;
    private int maxRunning;

    public int Calls => calls;

    /// <summary>Whether normalising has started on any of these items since <see cref="ForgetStarted"/>.</summary>
    public bool Started(IEnumerable<string> sourceKeys) => sourceKeys.Any(started.ContainsKey);

    public void ForgetStarted() => started.Clear();

    /// <summary>Normalising this item waits 30 s or until it is cancelled, like a long letter's OCR.</summary>
    public void Hold(string sourceKey) => held.TryAdd(sourceKey, 0);

    /// <summary>How many times normalising this item ran to the end.</summary>
    public int Finished(string sourceKey) => finished.GetValueOrDefault(sourceKey);

    public int MaxConcurrent => maxRunning;

    public bool CanNormalize(InboundItem item) => item.OriginalContentType == ContentType;

    public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        started.TryAdd(item.SourceKey, 0);
        if (held.ContainsKey(item.SourceKey))
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }

        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxRunning, now);
        try
        {
            await using var stream = await item.OpenAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            var parts = text.Split("\n\n", 2);
            var headers = parts[0].Split('\n').Select(l => l.Split(": ", 2)).Where(h => h.Length == 2).ToDictionary(h => h[0], h => h[1]);
            var subject = headers.GetValueOrDefault("Subject", "");
            var body = parts.Length > 1 ? parts[1] : parts[0];
            if (body.Contains("THROW", StringComparison.Ordinal))
            {
                throw new FormatException("broken structure at byte 12");
            }

            if (body.Contains("REJECT", StringComparison.Ordinal))
            {
                throw new InboundItemRejectedException("message over the size limit");
            }

            if (body.Contains("SLOW", StringComparison.Ordinal))
            {
                await Task.Delay(200, cancellationToken);
            }

            finished.AddOrUpdate(item.SourceKey, 1, (_, n) => n + 1);
            return new TicketDraft
            {
                SourceKey = item.SourceKey,
                ChannelName = item.ChannelName,
                Channel = item.Channel,
                ReceivedAt = item.ReceivedAt,
                Subject = subject,
                TextBody = body,
                MessageId = headers.GetValueOrDefault("Message-ID", $"<{item.SourceKey.Replace(':', '-')}@test>"),
                Sender = new Core.Tickets.Party { Email = "cittadino@example.it", DisplayName = "Mario Rossi" },
                ReplyAddress = "cittadino@example.it",
            };
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
