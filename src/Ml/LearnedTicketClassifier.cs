using System.Globalization;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Ml;

/// <summary>
/// The rules and the learned model together. Rules that fire keep deciding (they are the admins' explicit policy);
/// the model decides what no rule decided, and overrides a rule only when it disagrees with at least
/// <see cref="RoutingModelOptions.OverrideConfidence"/> (unset: the probability chosen by cross-validation when training,
/// in the model's manifest). The ticket keeps the model's verdict (version, probabilities,
/// the words that weighed most, and the second-level threshold when it made the level second); the model says second
/// level from <see cref="RoutingModelOptions.SecondLevelFrom"/> (unset: the manifest's); a level the model decided with less than <see cref="RoutingModelOptions.MinConfidence"/>
/// (unset: the manifest's review threshold, also chosen by cross-validation) is flagged for review. Without a model, or
/// for a draft whose text is not the sender's or has no words (<see cref="RuleDecision.TextUnavailable"/>), this is the rules alone.
/// </summary>
internal sealed class LearnedTicketClassifier(
    RuleBasedClassifier rules,
    IRoutingModelSource models,
    RoutingModelOptions options,
    RoutingOptions routing,
    ILogger logger) : ITicketClassifier
{
    public Classification Classify(TicketDraft draft)
    {
        var decision = rules.Decide(draft);
        if (decision.TextUnavailable is not null || models.ModelFor(draft) is not { } model)
        {
            return decision.Result;
        }

        var setting = DecisionSetting.Of(model, options);
        var verdict = model.Predict(draft, options.ExplainWords, setting.SecondLevelFrom);
        var result = decision.Result;
        var levelByModel = !decision.LevelDecided
                           || (verdict.Level != result.Level && verdict.LevelProbability >= (verdict.Level == ServiceLevel.Second
                               ? setting.SecondLevelOverrideConfidence
                               : setting.LevelOverrideConfidence));
        var categoryByModel = !decision.CategoryDecided
                              || (verdict.Category != result.Category && verdict.CategoryProbability >= Override(model.Manifest.CategoryOverrideConfidence));
        verdict.Decided = levelByModel || categoryByModel;
        var combined = new Classification
        {
            Level = levelByModel ? verdict.Level : result.Level,
            Category = categoryByModel ? verdict.Category : result.Category,
            Office = categoryByModel ? routing.OfficeFor(verdict.Category) : result.Office,
            Priority = result.Priority,
            RuleName = !verdict.Decided ? result.RuleName
                : result.RuleName == "default" ? $"model v{model.Version}" : $"{result.RuleName} + model v{model.Version}",
            Matches = [.. result.Matches, Describe(verdict, levelByModel, categoryByModel, setting.SecondLevelFrom)],
            Model = verdict,
        };
        if (levelByModel && verdict.LevelProbability < (options.MinConfidence ?? model.Manifest.ReviewBelow ?? RoutingModelOptions.DefaultMinConfidence))
        {
            verdict.ReviewReason = string.Create(CultureInfo.InvariantCulture,
                $"Livello incerto: il modello v{model.Version} dice livello {(int)verdict.Level} con probabilità {verdict.LevelProbability:0.00}");
        }
        else if (!levelByModel && result.Level == ServiceLevel.First && verdict.Level == ServiceLevel.Second && options.ReviewRuleDisagreement)
        {
            // The costlier mistake: a request the model calls second level, not surely enough to overrule the rule,
            // would otherwise go to the first level unseen (and be promised 7 days instead of 40).
            verdict.ReviewReason = string.Create(CultureInfo.InvariantCulture,
                $"Livello da verificare: la regola {result.RuleName} dice livello 1, il modello v{model.Version} livello 2 con probabilità {verdict.LevelProbability:0.00}");
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            RoutingModelLog.Predicted(logger, model.Version, draft.SourceKey, verdict.Level.ToString(), verdict.LevelProbability,
                verdict.Category, verdict.Decided);
        }

        return combined;
    }

    /// <summary>The configured override probability, else the one cross-validation chose for the model.</summary>
    private double Override(double? chosen) => options.OverrideConfidence ?? chosen ?? RoutingModelOptions.DefaultOverrideConfidence;

    private static string Describe(ModelVerdict v, bool level, bool category, double secondLevelFrom)
    {
        // Below one half the second level is the model's only because of the threshold: say so, it is the ticket's why.
        var leaned = v.Level == ServiceLevel.Second && v.LevelProbability < 0.5
            ? string.Create(CultureInfo.InvariantCulture, $", second level from p={secondLevelFrom:0.00}")
            : "";
        var decided = (level, category) switch
        {
            (true, true) => "decided level and category",
            (true, false) => "decided the level",
            (false, true) => "decided the category",
            _ => "agreed or was not sure enough to override",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"model v{v.Version} {decided}: level {(int)v.Level} (p={v.LevelProbability:0.00}{leaned}), {v.Category} (p={v.CategoryProbability:0.00}); words: {string.Join(", ", v.Words)}");
    }
}
