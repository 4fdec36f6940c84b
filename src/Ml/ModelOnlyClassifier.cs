using ContactCenter.Core.Intake;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Ml;

/// <summary>The model without the rules, for <c>classify evaluate</c>'s "model alone" figures.</summary>
internal sealed class ModelOnlyClassifier(IRoutingModelSource models, int words, double? secondLevelFrom = null) : ITicketClassifier
{
    public Classification Classify(TicketDraft draft)
    {
        var model = models.ModelFor(draft) ?? throw new InvalidOperationException($"No model for {draft.SourceKey}.");
        var verdict = model.Predict(draft, words, secondLevelFrom);
        verdict.Decided = true;
        return new Classification
        {
            Level = verdict.Level,
            Category = verdict.Category,
            RuleName = $"model v{model.Version}",
            Matches = [.. verdict.Words],
            Model = verdict,
        };
    }
}
