using System.Text;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class ClassificationEvaluatorTests
{
    private static RuleBasedClassifier Classifier()
    {
        var atti = Drafts.Rule("atti", ServiceLevel.Second, "accesso agli atti");
        atti.Words = ["accesso agli atti"];
        var meteo = Drafts.Rule("meteo", ServiceLevel.First, "allerta meteo");
        meteo.Words = ["allerta"];
        return Drafts.Classifier(atti, meteo);
    }

    [Fact]
    public void Evaluate_ComputesAccuraciesAndConfusionMatrices()
    {
        LabelledRequest[] set =
        [
            new() { Id = "1", Subject = "accesso agli atti", ExpectedLevel = ServiceLevel.Second, ExpectedCategory = "accesso agli atti" },
            new() { Id = "2", Text = "allerta rossa domani?", ExpectedLevel = ServiceLevel.First, ExpectedCategory = "allerta meteo" },
            new() { Id = "3", Subject = "orari", Body = "quando aprite?", ExpectedLevel = ServiceLevel.First, ExpectedCategory = "altro" },
            new() { Id = "4", Subject = "contributo alluvione", ExpectedLevel = ServiceLevel.Second, ExpectedCategory = "contributi e rimborsi" },
        ];

        var report = new ClassificationEvaluator(Classifier()).Evaluate(set);

        report.Total.Should().Be(4);
        report.LevelCorrect.Should().Be(3);
        report.LevelAccuracy.Should().Be(0.75);
        report.CategoryAccuracy.Should().Be(0.75);
        report.LevelMatrix.Labels.Should().Equal("First", "Second");
        report.LevelMatrix["Second", "First"].Should().Be(1);
        report.LevelMatrix["First", "First"].Should().Be(2);
        report.CategoryMatrix["contributi e rimborsi", "altro"].Should().Be(1);
        report.Misses.Should().ContainSingle().Which.Should().Be(new EvaluationMiss("4", "contributo alluvione",
            ServiceLevel.Second, ServiceLevel.First, "contributi e rimborsi", "altro", "default"));
        report.LevelMatrix.ToMarkdown().Should().Contain("| Second | 1 | 1 |");
    }

    [Fact]
    public void Evaluate_CountsFlaggedRequests_AndTheSecondLevelMissesAnOperatorWillSee()
    {
        LabelledRequest[] set =
        [
            new() { Id = "1", Subject = "accesso agli atti", ExpectedLevel = ServiceLevel.Second, ExpectedCategory = "accesso agli atti" },
            new() { Id = "2", Subject = "orari", ExpectedLevel = ServiceLevel.First, ExpectedCategory = "altro" },
            new() { Id = "3", Subject = "contributo alluvione", ExpectedLevel = ServiceLevel.Second, ExpectedCategory = "contributi e rimborsi" },
            new() { Id = "4", Subject = "crepe nel muro", ExpectedLevel = ServiceLevel.Second, ExpectedCategory = "rischio sismico" },
        ];
        var flagging = new FlaggingClassifier(Classifier(), "orari", "contributo alluvione");

        var report = new ClassificationEvaluator(flagging).Evaluate(set);

        report.LevelMatrix["Second", "First"].Should().Be(2, "the precondition: two second-level requests at the first level");
        report.Flagged.Should().Be(2);
        report.SecondLevelMissesFlagged.Should().Be(1, "of the two misses only the flood contribution is flagged; a flagged first-level request is no miss");
    }

    [Fact]
    public async Task LabelledSet_LoadsCaseInsensitiveJsonWithEnumNames()
    {
        const string json = """
            { "requests": [ { "id": "a", "subject": "s", "sender": "x@pec.it", "channel": "Pec",
              "attachments": ["domanda.pdf"], "expectedLevel": "Second", "expectedCategory": "altro", } ] }
            """;

        var set = await LabelledSet.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var draft = set.Requests[0].ToDraft();

        draft.Channel.Should().Be(ChannelKind.Pec);
        draft.Sender.Email.Should().Be("x@pec.it");
        draft.Attachments.Should().ContainSingle().Which.ContentType.Should().Be("application/pdf");
        set.Requests[0].ExpectedLevel.Should().Be(ServiceLevel.Second);
    }

    [Fact]
    public async Task LabelledSet_WithoutLabels_IsRejectedWithItsIndex()
    {
        const string json = """{ "requests": [ { "id": "x", "subject": "s", "expectedLevel": "First" } ] }""";

        var load = () => LabelledSet.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        (await load.Should().ThrowAsync<InvalidDataException>()).WithMessage("requests[0] (x)*");
    }

    /// <summary>The rules' answer, flagged for review (as the learned model flags it) for the given subjects.</summary>
    private sealed class FlaggingClassifier(ITicketClassifier inner, params string[] subjects) : ITicketClassifier
    {
        public Classification Classify(ContactCenter.Core.Intake.TicketDraft draft)
        {
            var result = inner.Classify(draft);
            if (subjects.Contains(draft.Subject))
            {
                result.Model = new ModelVerdict { Version = 1, Level = result.Level, ReviewReason = "da verificare" };
            }

            return result;
        }
    }
}
