namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>What became of one corpus input: a ticket, or a quarantine reason.</summary>
internal sealed record CorpusResult(CorpusTicket? Ticket, string? QuarantineReason);
