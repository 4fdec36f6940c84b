namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>The input must be quarantined with a reason containing <see cref="ReasonContains"/> (case-insensitive).</summary>
internal sealed record IsQuarantined(string ReasonContains) : CorpusExpectation;
