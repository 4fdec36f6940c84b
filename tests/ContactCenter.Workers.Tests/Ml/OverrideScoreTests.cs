using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;
using ContactCenter.Ml;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>How the trainer scores a way of combining the rules and the model, on out-of-fold predictions.</summary>
public sealed class OverrideScoreTests
{
    private static readonly TrainerSettings Settings = new(0.1f, 3);

    [Theory]
    [InlineData(0.75, "Second")]
    [InlineData(0.85, "First")]
    public void RuleSaysFirst_ModelSaysSecondAt080_OverridesOnlyFromTheSecondLevelOverrideProbability(double secondOverride, string decided)
    {
        var rows = new List<TrainingRow> { Row(ServiceLevel.First) };
        List<string> labels = ["Second"];
        LabelPrediction[] predicted = [new("Second", 0.8, [])];

        var choice = OverrideScore.Of(Settings, (0.95, secondOverride, 0.5), rows, labels, predicted, Level, "Second");

        choice.CombinedAccuracy.Should().Be(decided == "Second" ? 1 : 0);
        choice.ModelAccuracy.Should().Be(1);
    }

    [Fact]
    public void LeanTowardsSecond_TurnsADoubtfulFirstIntoSecond()
    {
        var rows = new List<TrainingRow> { Row(null), Row(null) };
        List<string> labels = ["Second", "First"];
        // The model says first for both, with 0.58 (second at 0.42) and with 0.9 (second at 0.1).
        LabelPrediction[] predicted = [new("First", 0.58, []), new("First", 0.9, [])];

        var plain = OverrideScore.Of(Settings, (0.9, 0.9, 0.5), rows, labels, predicted, Level, "Second");
        var leaning = OverrideScore.Of(Settings, (0.9, 0.9, 0.4), rows, labels, predicted, Level, "Second");

        plain.CombinedAccuracy.Should().Be(0.5);
        plain.Score.Should().Be((0.5 + 0) / 2, "the level's score is the mean of accuracy and second-level recall");
        leaning.CombinedAccuracy.Should().Be(1);
        leaning.Score.Should().Be(1);
    }

    [Fact]
    public void RuleThatDecided_StandsWhenTheModelIsUnsure_AndCorrectionsWeighMore()
    {
        var rows = new List<TrainingRow> { Row(ServiceLevel.Second), Row(ServiceLevel.First, weight: 3) };
        List<string> labels = ["Second", "First"];
        LabelPrediction[] predicted = [new("First", 0.8, []), new("Second", 0.6, [])];

        var choice = OverrideScore.Of(Settings, (0.85, 0.85, 0.5), rows, labels, predicted, Level, "Second");

        choice.CombinedAccuracy.Should().Be(1, "both rules stand: the model is below 0.85 each time");
        choice.ModelAccuracy.Should().Be(0, "the model alone is wrong on both");
    }

    [Fact]
    public void LevelChoice_AboveTheAccuracyFloor_HigherSecondLevelRecallWins_EvenWithLowerAccuracy()
    {
        var cautious = Choice(accuracy: 0.97, recall: 0.95);
        var leaning = Choice(accuracy: 0.955, recall: 0.98);

        leaning.Beats(cautious, recalls: true, accuracyFloor: 0.95).Should().BeTrue("a complex request sent to the first level is the harm");
        cautious.Beats(leaning, recalls: true, accuracyFloor: 0.95).Should().BeFalse();
        Choice(accuracy: 0.97, recall: 0.98).Beats(leaning, recalls: true, accuracyFloor: 0.95).Should().BeTrue("at equal recall, the higher accuracy");
    }

    [Fact]
    public void LevelChoice_BelowTheAccuracyFloor_LosesToOneAboveIt_AndCategoryGoesByScore()
    {
        var reckless = Choice(accuracy: 0.93, recall: 1.0);
        var kept = Choice(accuracy: 0.95, recall: 0.9);

        reckless.Beats(kept, recalls: true, accuracyFloor: 0.95).Should().BeFalse("recall never buys accuracy below the floor");
        kept.Beats(reckless, recalls: true, accuracyFloor: 0.95).Should().BeTrue();
        Choice(accuracy: 0.9, recall: 0.9).Beats(Choice(accuracy: 0.85, recall: 0.9), recalls: true, accuracyFloor: 0.95).Should()
            .BeTrue("both below the floor: the mean of accuracy and recall");
        reckless.Beats(kept, recalls: false, accuracyFloor: 0.95).Should().BeTrue("a category has no recalled label: its score");
        kept.Beats(kept with { }, recalls: true, accuracyFloor: 0.95).Should().BeFalse("a tie keeps the one tried first");
    }

    private static LabelChoice Choice(double accuracy, double recall) =>
        new(Settings, 0.9, 0.9, 0.5, accuracy, accuracy, (accuracy + recall) / 2, recall);

    private static string? Level(RuleDecision decision) => decision.LevelDecided ? decision.Result.Level.ToString() : null;

    private static TrainingRow Row(ServiceLevel? rule, float weight = 1) =>
        new("testo", weight, new RuleDecision(new Classification { Level = rule ?? ServiceLevel.First }, rule is not null, false, null));
}
