namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>The hostile mail corpus, run once for its test class.</summary>
public sealed class MailCorpusFixture() : MailDropCorpusFixture(MailCorpus.All);
