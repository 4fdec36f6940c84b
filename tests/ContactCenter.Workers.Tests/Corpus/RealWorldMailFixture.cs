namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>The real-world mail corpus, run once for its test class.</summary>
public sealed class RealWorldMailFixture() : MailDropCorpusFixture(RealWorldMail.All);
