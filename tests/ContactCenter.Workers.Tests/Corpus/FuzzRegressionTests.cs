using ContactCenter.Fuzz;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Every input a fuzzing run found crashing (Corpus/regressions) and every fuzz seed goes through its fuzz target
/// again: a rejection is fine, any other exception fails.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> Inputs =>
    [
        .. Files(Path.Combine("tests", "ContactCenter.Workers.Tests", "Corpus", "regressions"), "*.bin"),
        .. Files(Path.Combine("tests", "ContactCenter.Fuzz", "seeds", "mail"), "*"),
        .. Files(Path.Combine("tests", "ContactCenter.Fuzz", "seeds", "page"), "*"),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Replay_SavedInput_NoCrash(string relativePath)
    {
        var page = Path.GetFileName(relativePath).StartsWith("page-", StringComparison.Ordinal)
            || Path.GetFileName(Path.GetDirectoryName(relativePath)) == "page";
        var target = page ? "page" : "mail";
        using var fuzzTarget = TargetFactory.Create(target, strict: false);

        var act = () => fuzzTarget.Run(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, relativePath)));

        act.Should().NotThrow();
    }

    [Fact]
    public void Seeds_Present() => Inputs.Should().HaveCountGreaterThanOrEqualTo(9);

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), pattern)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal);
}
