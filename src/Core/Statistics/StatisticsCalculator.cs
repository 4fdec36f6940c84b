using System.Globalization;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Statistics;

/// <summary>
/// Computes the public and internal statistics from tickets. A ticket counts in the period of its arrival;
/// "answered on time" means closed no later than its due date (which already moved for suspensions); the time to
/// closure is each closed ticket's <see cref="AnswerTime"/>.
/// </summary>
public static class StatisticsCalculator
{
    public static TicketStatistics Compute(
        IReadOnlyCollection<Ticket> tickets, DateOnly? from, DateOnly? to, DateTimeOffset now, TimeZoneInfo zone) =>
        Compute([.. tickets.Select(TicketFacts.Of)], from, to, now, zone);

    public static TicketStatistics Compute(
        IReadOnlyCollection<TicketFacts> tickets, DateOnly? from, DateOnly? to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var inPeriod = tickets.Where(t => InPeriod(t, from, to, zone)).ToList();
        return new TicketStatistics(
            from,
            to,
            now,
            Count("totale", inPeriod, now),
            Group(inPeriod, t => ChannelLabel(t.Channel), now),
            Group(inPeriod, t => t.Level == ServiceLevel.Second ? "secondo livello" : "primo livello", now),
            Group(inPeriod, t => t.Category, now),
            Group(inPeriod, t => TimeZoneInfo.ConvertTime(t.ReceivedAt, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture), now),
            DurationSummary.From(inPeriod.Where(t => t.ReceiptSentAt is not null).Select(t => t.ReceiptSentAt!.Value - t.ReceivedAt)),
            DurationSummary.From(inPeriod.Where(t => t.Status == TicketStatus.Closed && t.AnswerTime is not null).Select(t => t.AnswerTime!.Value)));
    }

    public static string ChannelLabel(ChannelKind channel) => channel switch
    {
        ChannelKind.Email => "e-mail",
        ChannelKind.Pec => "PEC",
        ChannelKind.Fax => "fax",
        ChannelKind.Postal => "posta",
        ChannelKind.WebForm => "modulo web",
        ChannelKind.Voicemail => "segreteria telefonica",
        ChannelKind.Phone => "telefono",
        _ => channel.ToString(),
    };

    private static bool InPeriod(TicketFacts ticket, DateOnly? from, DateOnly? to, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ticket.ReceivedAt, zone).DateTime);
        return (from is null || day >= from) && (to is null || day <= to);
    }

    private static List<CountRow> Group(List<TicketFacts> tickets, Func<TicketFacts, string> key, DateTimeOffset now) =>
        tickets.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Key, g.ToList(), now)).ToList();

    private static CountRow Count(string key, List<TicketFacts> tickets, DateTimeOffset now)
    {
        var closed = tickets.Where(t => t.Status == TicketStatus.Closed).ToList();
        return new CountRow(
            key,
            tickets.Count,
            tickets.Count - closed.Count,
            closed.Count,
            closed.Count(t => t.ClosedAt is not null && t.ClosedAt <= t.DueAt),
            tickets.Count(t => t.Status == TicketStatus.Open && !t.IsSuspended && t.DueAt < now));
    }
}
