using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class OutboxRowStateTests
{
    [Fact]
    public void MarkSent_ParksTheRowOutOfEveryDueRange()
    {
        var now = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var row = new OutboxMessage { TicketNumber = "PC-2026-000001", To = "a@example.it", NextAttemptAt = now, MessageId = "r@x" };

        OutboxRowState.MarkSent(row, now);

        row.SentAt.Should().Be(now);
        row.NextAttemptAt.Should().Be(NeverDue.At, "the stores find due rows through an index on this time");
    }
}
