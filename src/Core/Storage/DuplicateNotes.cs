namespace ContactCenter.Core.Storage;

/// <summary>The history lines every store writes for duplicates and reused Message-IDs (Italian, for the backoffice).</summary>
public static class DuplicateNotes
{
    /// <summary>On the ticket a duplicate repeats.</summary>
    public static string Duplicate(string messageId, string sourceKey) =>
        $"Copia identica ricevuta di nuovo (Message-ID <{messageId}>, da {sourceKey}): non registrata una seconda volta";

    /// <summary>On the ticket whose original came again under another source key (see <c>TicketDraft.SameItemKey</c>).</summary>
    public static string SameOriginal(string sourceKey) =>
        $"Lo stesso messaggio (originale identico) ricevuto di nuovo da {sourceKey}: non registrato una seconda volta";

    /// <summary>On the ticket the new, different message went to.</summary>
    public static string ReusedByThis(string messageId, string? earlierTicket, IReadOnlyList<string> differences) =>
        $"Message-ID <{messageId}> già usato da {earlierTicket ?? "un messaggio automatico"} con {Differing(differences)}: "
        + "registrato come messaggio distinto";

    /// <summary>On the earlier ticket whose Message-ID the new message reused.</summary>
    public static string ReusedByOther(string messageId, string? laterTicket, string sourceKey, IReadOnlyList<string> differences) =>
        $"Il suo Message-ID <{messageId}> è stato riusato da un messaggio con {Differing(differences)} ({sourceKey}"
        + (laterTicket is null ? ")" : $", {laterTicket})");

    private static string Differing(IReadOnlyList<string> differences) => differences switch
    {
        [] => "contenuto diverso",
        ["data"] => "data diversa",
        [var one] => $"{one} diverso",
        _ => $"{string.Join(", ", differences)} diversi",
    };
}
