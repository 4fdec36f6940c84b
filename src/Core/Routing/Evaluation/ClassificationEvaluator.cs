using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>Runs a classifier over a labelled set and compares with the operators' labels.</summary>
public sealed class ClassificationEvaluator(ITicketClassifier classifier)
{
    public EvaluationReport Evaluate(IReadOnlyList<LabelledRequest> requests)
    {
        var levels = new ConfusionMatrix([nameof(ServiceLevel.First), nameof(ServiceLevel.Second)]);
        var categories = new ConfusionMatrix(requests.Select(r => r.ExpectedCategory).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
        var misses = new List<EvaluationMiss>();
        int levelCorrect = 0, categoryCorrect = 0, flagged = 0, missesFlagged = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var result = classifier.Classify(request.ToDraft(i));
            levels.Add(request.ExpectedLevel.ToString(), result.Level.ToString());
            categories.Add(request.ExpectedCategory, result.Category);
            var levelOk = result.Level == request.ExpectedLevel;
            var categoryOk = string.Equals(result.Category, request.ExpectedCategory, StringComparison.Ordinal);
            levelCorrect += levelOk ? 1 : 0;
            categoryCorrect += categoryOk ? 1 : 0;
            var review = result.Model?.ReviewReason is not null;
            flagged += review ? 1 : 0;
            missesFlagged += review && request.ExpectedLevel == ServiceLevel.Second && result.Level == ServiceLevel.First ? 1 : 0;
            if (!levelOk || !categoryOk)
            {
                misses.Add(new EvaluationMiss(request.Id, Summarize(request), request.ExpectedLevel, result.Level,
                    request.ExpectedCategory, result.Category, result.RuleName));
            }
        }

        return new EvaluationReport
        {
            Total = requests.Count,
            LevelCorrect = levelCorrect,
            CategoryCorrect = categoryCorrect,
            Flagged = flagged,
            SecondLevelMissesFlagged = missesFlagged,
            LevelMatrix = levels,
            CategoryMatrix = categories,
            Misses = misses,
        };
    }

    private static string Summarize(LabelledRequest r)
    {
        var text = !string.IsNullOrWhiteSpace(r.Subject) ? r.Subject : r.Body ?? r.Text ?? "";
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
