using System.Globalization;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Routing;

public sealed class SampleRulesAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void SampleRules_AreValid()
    {
        var result = new RoutingOptionsValidator().Validate(null, SampleRules.Options());

        result.Failed.Should().BeFalse(result.FailureMessage);
        SampleRules.Options().Rules.Should().HaveCountGreaterThan(10);
    }

    [Fact]
    public async Task SampleLabelledSet_HasAtLeast850RequestsOfEveryCategory()
    {
        var set = await SampleRules.LabelledAsync();

        set.Requests.Should().HaveCountGreaterThanOrEqualTo(850);
        set.Requests.Select(r => r.ExpectedCategory).Distinct().Should().BeEquivalentTo(
            "volontariato", "rischio sismico", "allerta meteo", "incendi boschivi", "contributi e rimborsi",
            "emergenza in corso", "segnalazioni", "accesso agli atti", "altro");
        set.Requests.GroupBy(r => r.ExpectedCategory).Should().OnlyContain(g => g.Count() >= 20);
        set.Requests.Count(r => r.ExpectedLevel == ServiceLevel.Second).Should().BeInRange(set.Requests.Count * 2 / 5, set.Requests.Count * 3 / 5);
        set.Requests.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    // The floor is the rules' measured figure on the grown set (55.9%, 921/1649: many second-level requests are worded
    // unlike any rule's words, which is the point of the set, and L633-L1649 were written so): it guards the rules
    // against getting worse. The accuracy target (95%) is carried by the learned model beside the rules, not by the
    // rules alone.
    [Fact]
    public async Task SampleRules_OnSampleLabelledSet_ReachAtLeast55PercentLevelAccuracy()
    {
        var set = await SampleRules.LabelledAsync();
        var report = Evaluate(set);

        report.Total.Should().Be(set.Requests.Count);
        report.LevelAccuracy.Should().BeGreaterThanOrEqualTo(0.558);
    }

    // The held-out requests were written after the rules and never used to tune them: their figure is the honest
    // estimate of how the rules do on new mail. The floor is the rules' measured 70.0% (56/80); the 95% target on this
    // set is carried by the learned model beside the rules, not by the rules alone.
    [Fact]
    public async Task SampleRules_OnHeldOutSet_ReachAtLeast70PercentLevelAccuracy()
    {
        var set = await LabelledSet.LoadFileAsync(SampleRules.HoldoutPath);
        var report = Evaluate(set);

        report.Total.Should().Be(80);
        report.LevelAccuracy.Should().BeGreaterThanOrEqualTo(0.70);
    }

    private EvaluationReport Evaluate(LabelledSet set)
    {
        var report = new ClassificationEvaluator(Drafts.Classifier(SampleRules.Options())).Evaluate(set.Requests);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"level accuracy {report.LevelCorrect}/{report.Total} = {report.LevelAccuracy:P1}, " +
            $"category accuracy {report.CategoryCorrect}/{report.Total} = {report.CategoryAccuracy:P1}"));
        output.WriteLine(report.LevelMatrix.ToMarkdown());
        output.WriteLine(report.CategoryMatrix.ToMarkdown());
        foreach (var miss in report.Misses)
        {
            output.WriteLine($"{miss.Id} [{miss.RuleName}] {miss.ExpectedLevel}/{miss.ExpectedCategory} -> " +
                             $"{miss.PredictedLevel}/{miss.PredictedCategory}: {miss.Summary}");
        }

        return report;
    }
}
