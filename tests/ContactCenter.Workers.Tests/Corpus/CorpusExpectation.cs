namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>A ticket with best-effort content (checked), or a quarantined item whose reason says why.</summary>
internal abstract record CorpusExpectation
{
    public static CorpusExpectation Ticket(Action<CorpusTicket> check) => new BecomesTicket(check);

    public static CorpusExpectation Quarantine(string reasonContains) => new IsQuarantined(reasonContains);
}
