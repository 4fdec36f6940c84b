namespace ContactCenter.Workers.Tests.Install;

/// <summary>
/// Tests that publish the Workers project run one at a time: a publish for a runtime restores every project again,
/// and a publish beside it would read the assets files while they are rewritten.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishingCollection
{
    public const string Name = "Publishing";
}
