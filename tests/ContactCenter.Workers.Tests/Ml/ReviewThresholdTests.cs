using ContactCenter.Ml;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>The review threshold is the lowest probability from which the model's out-of-fold level reaches 95%.</summary>
public sealed class ReviewThresholdTests
{
    [Fact]
    public void Threshold_IsTheLowestProbabilityFromWhichTheModelIsRightOftenEnough()
    {
        // 20 sure and right, one wrong at 0.62, one wrong at 0.52: from 0.55 up 20/21 = 95.2% are right, from 0.5 20/22.
        var predicted = Enumerable.Repeat(("Second", 0.9), 20).Append(("First", 0.62)).Append(("First", 0.52)).ToList();
        var labels = Enumerable.Repeat("Second", 22).ToList();
        var weights = Enumerable.Repeat(1f, 22).ToList();

        ReviewThreshold.Of(predicted, labels, weights).Should().Be(0.55);
    }

    [Fact]
    public void ACorrectionThatCountsMore_RaisesTheThreshold()
    {
        var predicted = Enumerable.Repeat(("Second", 0.9), 20).Append(("First", 0.62)).ToList();
        var labels = Enumerable.Repeat("Second", 21).ToList();
        List<float> weights = [.. Enumerable.Repeat(1f, 20), 3f];

        ReviewThreshold.Of(predicted, labels, weights).Should().Be(0.65, "20 right against 3 wrong is 87%, so 0.62 must be reviewed");
    }
}
