using ContactCenter.Core.Intake;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Receipts;

/// <summary>
/// Decides whether a new ticket's sender gets a "presa in carico": never to automatic mail (RFC 3834), system
/// mailboxes or our own addresses, never for old backlog, and at most N a day per sender (that one is checked by the
/// store as it queues the receipt, see <see cref="ReceiptDailyLimit"/>). The reason is kept in the ticket's history,
/// so it is written in Italian for the backoffice.
/// </summary>
public sealed class ReceiptPolicy : IReceiptPolicy
{
    private readonly ReceiptOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ReceiptPolicy> logger;
    private readonly ReceiptAddressFilter filter;
    private readonly TimeZoneInfo zone;

    public ReceiptPolicy(IOptions<ReceiptOptions> options, TimeProvider time, ILogger<ReceiptPolicy> logger)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        filter = new ReceiptAddressFilter(this.options);
        zone = TimeZoneInfo.FindSystemTimeZoneById(this.options.TimeZone);
    }

    public ValueTask<ReceiptDecision> DecideAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        var decision = Decide(draft);
        if (decision.SuppressedReason is { } reason)
        {
            ReceiptLog.ReceiptSuppressed(logger, draft.SourceKey, reason);
        }

        return ValueTask.FromResult(decision);
    }

    private ReceiptDecision Decide(TicketDraft draft)
    {
        if (!options.Enabled)
        {
            return ReceiptDecision.Suppress("ricevute disattivate (ContactCenter:Receipts:Enabled)");
        }

        if (string.IsNullOrWhiteSpace(draft.ReplyAddress))
        {
            return ReceiptDecision.Suppress("nessun indirizzo e-mail a cui rispondere");
        }

        if (draft.AutomaticMail != AutomaticMailKind.None)
        {
            return ReceiptDecision.Suppress(AutomaticReason(draft));
        }

        if (Screening.ScreeningReceiptRule.SuppressReason(draft) is { } screened)
        {
            return ReceiptDecision.Suppress(screened);
        }

        if (!EmailAddressParts.TryParse(draft.ReplyAddress, out var address))
        {
            return ReceiptDecision.Suppress("indirizzo di risposta non valido");
        }

        if (filter.IsOwn(address))
        {
            return ReceiptDecision.Suppress("l'indirizzo è uno dei nostri: nessuna risposta automatica");
        }

        if (filter.IsNoReply(address))
        {
            return ReceiptDecision.Suppress("indirizzo di sistema o no-reply: nessuna risposta automatica");
        }

        var now = time.GetUtcNow();
        if (now - draft.ReceivedAt > options.MaxMessageAge)
        {
            return ReceiptDecision.Suppress($"messaggio ricevuto da più di {FormatAge(options.MaxMessageAge)}: nessuna ricevuta per gli arretrati");
        }

        // Counting here would count receipts the store may never queue (the item can turn out to be a follow-up or a
        // duplicate) and would differ between processes: the store counts the queued ones, in the dispatch itself.
        return ReceiptDecision.Send(address.Address, new ReceiptDailyLimit(options.MaxPerSenderPerDay, StartOfDay(now)));
    }

    /// <summary>Midnight of the current day in the configured zone (Europe/Rome), DST-correct as the SLA calendar is.</summary>
    internal DateTimeOffset StartOfDay(DateTimeOffset now) =>
        ZonedTime.ToInstant(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime), TimeOnly.MinValue, zone);

    private static string AutomaticReason(TicketDraft draft)
    {
        var what = draft.AutomaticMail switch
        {
            AutomaticMailKind.AutoReply => "risposta automatica (RFC 3834)",
            AutomaticMailKind.Bounce => "notifica di mancato recapito",
            AutomaticMailKind.MailingList => "messaggio di una lista di distribuzione",
            AutomaticMailKind.OwnAddress => "messaggio inviato da un nostro indirizzo",
            _ => "messaggio automatico",
        };
        return draft.AutomaticMailReason is { Length: > 0 } why ? $"{what}: {why}" : what;
    }

    private static string FormatAge(TimeSpan age) =>
        age.TotalHours >= 48 && age.Ticks % TimeSpan.TicksPerDay == 0 ? $"{age.TotalDays:0} giorni" : $"{age.TotalHours:0.#} ore";
}
