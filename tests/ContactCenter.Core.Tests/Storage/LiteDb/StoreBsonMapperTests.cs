using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class StoreBsonMapperTests : IDisposable
{
    private static readonly DateTimeOffset RomeMorning = new DateTimeOffset(2026, 3, 10, 10, 15, 30, 123, TimeSpan.FromHours(1)).AddTicks(4567);

    private readonly StoreTestContext _ctx = new();

    [Fact]
    public void Mapper_DateTimeOffset_KeepsTheExactInstant()
    {
        var mapper = StoreBsonMapper.Create();

        var bson = mapper.Serialize(new SlaSuspension { From = RomeMorning, Until = null });
        var back = mapper.Deserialize<SlaSuspension>(bson);

        back.From.UtcTicks.Should().Be(RomeMorning.UtcTicks);
        back.Until.Should().BeNull();
    }

    [Fact]
    public void Mapper_EmptyAndPaddedStrings_ComeBackAsStored()
    {
        var mapper = StoreBsonMapper.Create();

        var back = mapper.Deserialize<Ticket>(mapper.Serialize(new Ticket { Subject = "", TextBody = "  rientro  " }));

        back.Subject.Should().NotBeNull().And.BeEmpty("LiteDB's default would read an empty string back as null");
        back.TextBody.Should().Be("  rientro  ");
    }

    [Fact]
    public async Task Store_TicketTimes_RoundTripToTheTick()
    {
        var request = StoreRequests.Mail("k1", receivedAt: RomeMorning);
        await _ctx.Store.DispatchAsync([request], default);
        await _ctx.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Suspensions.Add(new SlaSuspension { From = RomeMorning.AddHours(1), WaitingFor = "Comune" });
            return new TicketEvent { Kind = TicketEventKind.Suspended };
        }, default);

        var ticket = (await _ctx.Reopen().GetAsync("PC-2026-000001", default))!;

        ticket.ReceivedAt.UtcTicks.Should().Be(RomeMorning.UtcTicks);
        ticket.DueAt.UtcTicks.Should().Be(RomeMorning.AddDays(2).UtcTicks);
        ticket.Messages[0].ReceivedAt.Should().Be(RomeMorning);
        ticket.Suspensions.Single().From.Should().Be(RomeMorning.AddHours(1));
        ticket.Suspensions.Single().Until.Should().BeNull();
        ticket.IsSuspended.Should().BeTrue();
        ticket.ClosedAt.Should().BeNull();
        ticket.History[^1].At.Should().Be(_ctx.Time.GetUtcNow());
    }

    [Fact]
    public async Task Store_DraftFields_CopiedToTheTicket()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<m1@example.it>")], default);

        var ticket = (await _ctx.Store.GetAsync("pc-2026-000001", default))!;

        ticket.Classification.Should().BeEquivalentTo(StoreRequests.Mail("x").Classification);
        ticket.Sender.Email.Should().Be("mario.rossi@example.it");
        ticket.Channel.Should().Be(ChannelKind.Email);
        ticket.MessageId.Should().Be("m1@example.it");
        ticket.Messages.Single().Original!.Sha256.Should().Be(new string('a', 64));
        ticket.SourceKey.Should().Be("k1");
        ticket.Status.Should().Be(TicketStatus.Open);
    }

    public void Dispose() => _ctx.Dispose();
}
