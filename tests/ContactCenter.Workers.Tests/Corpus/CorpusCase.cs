namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>One hostile input: its generator and what the pipeline must make of it.</summary>
/// <param name="FileName">The name the input is delivered under (a mail-drop .eml or a scanned file).</param>
internal sealed record CorpusCase(string Name, string FileName, Func<byte[]> Generate, CorpusExpectation Expected)
{
    public override string ToString() => Name;
}
