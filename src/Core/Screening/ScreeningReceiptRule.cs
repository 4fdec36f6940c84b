using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Screening;

/// <summary>
/// A receipt to a forged sender is backscatter: none to a sender failing DMARC, none to probable spam. The reason is
/// written in Italian for the ticket's history, as the receipt policy's others are.
/// </summary>
public static class ScreeningReceiptRule
{
    public static string? SuppressReason(TicketDraft draft)
    {
        if (draft.Metadata.TryGetValue(MailScreeningKeys.Dmarc, out var dmarc) && dmarc.Equals("fail", StringComparison.OrdinalIgnoreCase))
        {
            return "il mittente non supera la verifica DMARC (indirizzo probabilmente falsificato): nessuna ricevuta";
        }

        return SpamVerdictNames.Of(draft.Metadata) is SpamVerdict.Suspect or SpamVerdict.Spam
            ? "messaggio giudicato probabile spam: nessuna ricevuta"
            : null;
    }
}
