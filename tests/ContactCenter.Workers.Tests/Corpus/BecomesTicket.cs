namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>The input must become a ticket whose content passes <see cref="Check"/>.</summary>
internal sealed record BecomesTicket(Action<CorpusTicket> Check) : CorpusExpectation;
