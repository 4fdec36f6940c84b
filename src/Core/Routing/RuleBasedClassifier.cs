using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Routing;

/// <summary>
/// Classifies with the ordered rules of <see cref="RoutingOptions"/>: the first matching rule wins (see
/// <see cref="ClassificationBuilder"/> for rules that leave a field to later ones), the default catches the rest,
/// and the ticket records the rule and what it matched.
/// </summary>
public sealed class RuleBasedClassifier : ITicketClassifier
{
    private readonly RoutingOptions _options;
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly ILogger<RuleBasedClassifier> _logger;

    public RuleBasedClassifier(IOptions<RoutingOptions> options, ILogger<RuleBasedClassifier> logger)
    {
        _options = options.Value;
        _logger = logger;
        _rules = _options.Rules.Select((r, i) => RuleCompiler.Compile(i, r, _options.RegexTimeout, logger)).ToArray();
        RoutingLog.RulesCompiled(logger, _rules.Count, _options.Default.Level.ToString(), _options.Default.Category);
    }

    public Classification Classify(TicketDraft draft) => Decide(draft).Result;

    /// <summary>The rules' classification and which of level and category a rule (not the default) decided.</summary>
    public RuleDecision Decide(TicketDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var view = new DraftView(draft, _options.MaxTextLength);
        var builder = new ClassificationBuilder();
        foreach (var rule in _rules)
        {
            var (matched, reasons, _) = rule.Evaluate(view, all: false);
            if (matched)
            {
                builder.Apply(rule.Rule, reasons);
                if (builder.IsComplete)
                {
                    break;
                }
            }
        }

        var result = builder.Build(_options.Default, view.TextUnavailable);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            RoutingLog.Classified(_logger, draft.SourceKey, result.Level.ToString(), result.Category,
                result.RuleName, string.Join("; ", result.Matches));
        }

        return new RuleDecision(result, builder.LevelDecided, builder.CategoryDecided, view.TextUnavailable);
    }

    /// <summary>Every rule in order with what held and what did not; the result equals <see cref="Classify"/>.</summary>
    public ClassificationExplanation Explain(TicketDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var view = new DraftView(draft, _options.MaxTextLength);
        var builder = new ClassificationBuilder();
        var rules = new List<RuleExplanation>(_rules.Count);
        foreach (var rule in _rules)
        {
            var (matched, reasons, failures) = rule.Evaluate(view, all: true);
            var decided = matched ? builder.Apply(rule.Rule, reasons) : [];
            rules.Add(new RuleExplanation(rule.Index, rule.Rule.Name, matched, reasons, failures, decided));
        }

        return new ClassificationExplanation(builder.Build(_options.Default, view.TextUnavailable), rules);
    }
}
