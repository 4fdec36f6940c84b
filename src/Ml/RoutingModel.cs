using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Ml;

/// <summary>A trained routing model: a level classifier and a category classifier on the same text.</summary>
internal sealed class RoutingModel(RoutingModelManifest manifest, LabelModel level, LabelModel category)
{
    public RoutingModelManifest Manifest { get; } = manifest;

    public int Version => Manifest.Version;

    public LabelModel Level { get; } = level;

    public LabelModel Category { get; } = category;

    /// <summary>
    /// The model's verdict on a draft; <see cref="ModelVerdict.Decided"/> is for the caller to set. The second level
    /// from <paramref name="secondLevelFrom"/> (the configured threshold), else from the manifest's.
    /// </summary>
    public ModelVerdict Predict(TicketDraft draft, int words, double? secondLevelFrom = null)
    {
        var text = RoutingText.Of(draft);
        var level = Level.Predict(text, words, nameof(ServiceLevel.Second), SecondLevelFrom(secondLevelFrom));
        var category = Category.Predict(text, 0);
        return new ModelVerdict
        {
            Version = Version,
            Level = Enum.Parse<ServiceLevel>(level.Label),
            LevelProbability = Math.Round(level.Probability, 4),
            Category = category.Label,
            CategoryProbability = Math.Round(category.Probability, 4),
            Words = [.. level.Words],
        };
    }

    /// <summary>The second level's threshold in effect: the configured one, else the manifest's, else the likelier level.</summary>
    public double SecondLevelFrom(double? configured) => configured ?? Manifest.SecondLevelFrom ?? 1;
}
