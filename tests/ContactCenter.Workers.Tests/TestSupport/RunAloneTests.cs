using System.Reflection;

namespace ContactCenter.Workers.Tests.TestSupport;

public sealed class RunAloneTests
{
    /// <summary>test.sh picks the run-alone process's tests by the trait, not by collection: the two must agree.</summary>
    [Fact]
    public void EveryClassOfACollectionThatRunsAlone_CarriesTheRunAloneTrait_AndNoOtherDoes()
    {
        var types = typeof(RunAloneTests).Assembly.GetTypes();
        var alone = types
            .Select(t => t.GetCustomAttribute<CollectionDefinitionAttribute>() is { DisableParallelization: true } ? ConstructorArgument<CollectionDefinitionAttribute>(t, 0) : null)
            .OfType<string>()
            .ToHashSet();
        var testClasses = types.Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any())).ToList();

        alone.Should().Contain(["Crash", "Metrics", "Hostile-input corpus"]);
        var expected = testClasses.Where(t => ConstructorArgument<CollectionAttribute>(t, 0) is { } name && alone.Contains(name)).Select(t => t.FullName);
        var marked = testClasses
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && (string?)a.ConstructorArguments[0].Value == RunAlone.Trait && (string?)a.ConstructorArguments[1].Value == RunAlone.Value))
            .Select(t => t.FullName);
        marked.Should().BeEquivalentTo(expected).And.HaveCountGreaterThan(10);
    }

    private static string? ConstructorArgument<TAttribute>(Type type, int index) =>
        type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(TAttribute)) is { } data && data.ConstructorArguments.Count > index
            ? data.ConstructorArguments[index].Value as string
            : null;
}
