using ContactCenter.Ml;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>A probability set to NaN (which every range check lets through) stops the start, naming the key.</summary>
public sealed class RoutingModelOptionsValidatorTests
{
    [Fact]
    public void Validate_MinConfidenceNaN_FailsNamingTheKey()
    {
        var result = new RoutingModelOptionsValidator().Validate(null, new RoutingModelOptions { MinConfidence = double.NaN });

        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().StartWith($"{RoutingModelOptions.SectionName}:MinConfidence:");
    }

    [Fact]
    public void Validate_EveryProbabilityNaN_NamesEachKey()
    {
        var result = new RoutingModelOptionsValidator().Validate(null, new RoutingModelOptions
        {
            OverrideConfidence = double.NaN, SecondLevelFrom = double.NaN, CorrectionWeight = float.NaN,
        });

        result.Failures.Should().HaveCount(3).And.Satisfy(
            f => f.Contains(":OverrideConfidence:"), f => f.Contains(":SecondLevelFrom:"), f => f.Contains(":CorrectionWeight:"));
    }
}
