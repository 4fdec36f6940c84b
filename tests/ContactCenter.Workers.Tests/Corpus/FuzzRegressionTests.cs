using ContactCenter.Fuzz;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Every input a fuzzing run found crashing (Corpus/regressions) and every fuzz seed goes through its fuzz target
/// again: a rejection is fine, any other exception fails.
/// </summary>
[Collection(CorpusCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> Inputs =>
    [
        .. Files(Path.Combine("tests", "ContactCenter.Workers.Tests", "Corpus", "regressions"), "*.bin"),
        .. Files(Path.Combine("tests", "ContactCenter.Fuzz", "seeds", "mail"), "*"),
        .. Files(Path.Combine("tests", "ContactCenter.Fuzz", "seeds", "page"), "*"),
        .. Files(Path.Combine("tests", "ContactCenter.Fuzz", "seeds", "fax"), "*"),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Replay_SavedInput_NoCrash(string relativePath)
    {
        // A regression is named after its target (page-…, fax-…, mail-…); a seed lies in its target's folder.
        var name = Path.GetFileName(relativePath);
        var folder = Path.GetFileName(Path.GetDirectoryName(relativePath));
        var target = new[] { "page", "fax" }.FirstOrDefault(t => name.StartsWith(t + "-", StringComparison.Ordinal) || folder == t) ?? "mail";
        using var fuzzTarget = TargetFactory.Create(target, strict: false);

        var act = () => fuzzTarget.Run(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, relativePath)));

        act.Should().NotThrow();
    }

    [Fact]
    public void Seeds_Present() => Inputs.Should().HaveCountGreaterThanOrEqualTo(13);

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), pattern)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal);
}
