using System.Globalization;
using ContactCenter.Core.Statistics;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Statistics;

public sealed class StatisticsCalculatorTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_KnownTickets_CountsPerChannelLevelAndMonth()
    {
        var tickets = new[]
        {
            Make(ChannelKind.Email, ServiceLevel.First, "volontariato", received: new(2026, 1, 10, 10, 0, 0, TimeSpan.Zero), closedAfterDays: 2, dueAfterDays: 7),
            Make(ChannelKind.Email, ServiceLevel.Second, "accesso agli atti", received: new(2026, 1, 20, 10, 0, 0, TimeSpan.Zero), closedAfterDays: 50, dueAfterDays: 40),
            Make(ChannelKind.Fax, ServiceLevel.First, "segnalazioni", received: new(2026, 2, 3, 10, 0, 0, TimeSpan.Zero), closedAfterDays: null, dueAfterDays: 7),
            Make(ChannelKind.Postal, ServiceLevel.Second, "contributi e rimborsi", received: new(2026, 3, 19, 10, 0, 0, TimeSpan.Zero), closedAfterDays: null, dueAfterDays: 40),
        };

        var stats = StatisticsCalculator.Compute(tickets, null, null, Now, Rome);

        stats.Total.Should().Be(new CountRow("totale", 4, 2, 2, 1, 1));
        stats.ByChannel.Select(r => (r.Key, r.Received)).Should().Equal(("e-mail", 2), ("fax", 1), ("posta", 1));
        stats.ByLevel.Single(r => r.Key == "secondo livello").Closed.Should().Be(1);
        stats.ByMonth.Select(r => r.Key).Should().Equal("2026-01", "2026-02", "2026-03");
        stats.TimeToClosure.Median.Should().Be(TimeSpan.FromDays(2));
        stats.TimeToClosure.Percentile90.Should().Be(TimeSpan.FromDays(50));
    }

    [Fact]
    public void Compute_VoiceChannels_AreCountedUnderTheirOwnNames()
    {
        var tickets = new[]
        {
            Make(ChannelKind.Voicemail, ServiceLevel.First, "altro", new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), closedAfterDays: 1, dueAfterDays: 7),
            Make(ChannelKind.Phone, ServiceLevel.First, "altro", new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), closedAfterDays: 0, dueAfterDays: 1),
            Make(ChannelKind.Phone, ServiceLevel.Second, "altro", new(2026, 3, 3, 11, 0, 0, TimeSpan.Zero), closedAfterDays: null, dueAfterDays: 40),
        };

        var stats = StatisticsCalculator.Compute(tickets, null, null, Now, Rome);

        stats.ByChannel.Select(r => (r.Key, r.Received, r.Closed)).Should().Equal(("segreteria telefonica", 1, 1), ("telefono", 2, 1));
    }

    [Fact]
    public void Compute_PeriodInRomeTime_IncludesArrivalJustAfterLocalMidnight()
    {
        // 23:30 UTC on 31 January is already 1 February in Rome.
        var ticket = Make(ChannelKind.Email, ServiceLevel.First, "altro", new(2026, 1, 31, 23, 30, 0, TimeSpan.Zero), null, 7);

        var february = StatisticsCalculator.Compute([ticket], new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), Now, Rome);

        february.Total.Received.Should().Be(1);
        february.ByMonth.Single().Key.Should().Be("2026-02");
    }

    [Fact]
    public void Compute_ThaiCulture_MonthsStillGregorian()
    {
        // A service started under a culture with another calendar (Thai: Buddhist era, 2569) must publish 2026's months.
        var ticket = Make(ChannelKind.Email, ServiceLevel.First, "altro", new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), null, 7);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
        try
        {
            StatisticsCalculator.Compute([ticket], null, null, Now, Rome).ByMonth.Single().Key.Should().Be("2026-03");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Compute_SuspendedTicketPastDue_IsNotOverdue()
    {
        var ticket = Make(ChannelKind.Email, ServiceLevel.Second, "altro", new(2026, 1, 2, 10, 0, 0, TimeSpan.Zero), null, 7);
        ticket.Suspensions.Add(new SlaSuspension { From = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), WaitingFor = "Regione" });

        StatisticsCalculator.Compute([ticket], null, null, Now, Rome).Total.Overdue.Should().Be(0);
    }

    [Fact]
    public void Compute_SuspendedAndReopenedTickets_TimeToClosureCountsOnlyTheAnswersOwnTime()
    {
        var day0 = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var consulted = Make(ChannelKind.Pec, ServiceLevel.Second, "altro", day0, closedAfterDays: 20, dueAfterDays: 50);
        consulted.Suspensions.Add(new SlaSuspension { From = day0.AddDays(2), Until = day0.AddDays(12), WaitingFor = "Regione" });
        var reopened = Make(ChannelKind.Email, ServiceLevel.First, "altro", day0, closedAfterDays: 33, dueAfterDays: 37);
        reopened.ReopenedAt = day0.AddDays(30);
        // Closed while still waiting: the suspension ends with the ticket.
        var closedWaiting = Make(ChannelKind.Email, ServiceLevel.First, "altro", day0, closedAfterDays: 5, dueAfterDays: 7);
        closedWaiting.Suspensions.Add(new SlaSuspension { From = day0.AddDays(3), WaitingFor = "Comune" });

        var stats = StatisticsCalculator.Compute([consulted, reopened, closedWaiting], null, null, Now, Rome);

        stats.TimeToClosure.Count.Should().Be(3);
        stats.TimeToClosure.Median.Should().Be(TimeSpan.FromDays(3), "3 days after the reopening; 5 days less 2 suspended");
        stats.TimeToClosure.Percentile90.Should().Be(TimeSpan.FromDays(10), "20 days less 10 waiting for the Region, not 33 from the first arrival");
    }

    [Fact]
    public void AnswerTime_SuspensionBeforeTheReopening_IsNotSubtractedAgain()
    {
        var received = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
        SlaSuspension[] suspensions =
        [
            new() { From = received.AddDays(1), Until = received.AddDays(4) },
            new() { From = received.AddDays(11), Until = received.AddDays(12) },
        ];

        AnswerTime.Of(received, received.AddDays(10), received.AddDays(15), suspensions).Should().Be(TimeSpan.FromDays(4));
        AnswerTime.Of(received, null, received.AddDays(15), suspensions).Should().Be(TimeSpan.FromDays(11));
        AnswerTime.Of(received, null, null, suspensions).Should().BeNull("an open ticket has no answer time yet");
    }

    [Fact]
    public void DurationSummary_NearestRank_ReturnsObservedValues()
    {
        var summary = DurationSummary.From(Enumerable.Range(1, 10).Select(i => TimeSpan.FromHours(i)));

        summary.Median.Should().Be(TimeSpan.FromHours(5));
        summary.Percentile90.Should().Be(TimeSpan.FromHours(9));
        DurationSummary.From([]).Median.Should().BeNull();
    }

    private static Ticket Make(ChannelKind channel, ServiceLevel level, string category, DateTimeOffset received, int? closedAfterDays, int dueAfterDays) => new()
    {
        Channel = channel,
        ReceivedAt = received,
        DueAt = received.AddDays(dueAfterDays),
        Status = closedAfterDays is null ? TicketStatus.Open : TicketStatus.Closed,
        ClosedAt = closedAfterDays is null ? null : received.AddDays(closedAfterDays.Value),
        Classification = new Classification { Level = level, Category = category },
        Sender = new Party { DisplayName = "Mario Rossi", Email = "mario.rossi@example.it" },
        Subject = "Richiesta riservata",
    };
}
