using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>
/// Collects the decisions of matching rules in order. Three things are decided, each by the first matching rule
/// that sets it: the level, the category together with its office, and the priority. What no rule sets comes from
/// the default.
/// </summary>
internal sealed class ClassificationBuilder
{
    private readonly List<string> _ruleNames = [];
    private readonly List<string> _matches = [];
    private ServiceLevel? _level;
    private string? _category;
    private string? _office;
    private bool _categoryDecided;
    private TicketPriority? _priority;

    /// <summary>Whether a rule set the level (not the default).</summary>
    public bool LevelDecided => _level is not null;

    /// <summary>Whether a rule set the category or office (not the default).</summary>
    public bool CategoryDecided => _categoryDecided;

    public bool IsComplete => _level is not null && _categoryDecided && _priority is not null;

    /// <summary>Applies a matching rule; returns what it decided (nothing when earlier rules had decided it all).</summary>
    public List<string> Apply(RoutingRule rule, IReadOnlyList<string> reasons)
    {
        var decided = new List<string>();
        if (_level is null && rule.Level is { } level)
        {
            _level = level;
            decided.Add($"level {level}");
        }

        if (!_categoryDecided && (rule.Category is not null || rule.Office is not null))
        {
            (_category, _office, _categoryDecided) = (rule.Category, rule.Office, true);
            decided.Add($"category {rule.Category ?? "(default)"}" + (rule.Office is null ? "" : $", office {rule.Office}"));
        }

        if (_priority is null && rule.Priority is { } priority)
        {
            _priority = priority;
            decided.Add($"priority {priority}");
        }

        if (decided.Count > 0)
        {
            var prefix = _ruleNames.Count == 0 ? "" : rule.Name + ": ";
            _ruleNames.Add(rule.Name);
            _matches.AddRange(reasons.Select(r => prefix + r));
        }

        return decided;
    }

    /// <param name="textUnavailable">The draft's <see cref="Intake.TicketDraft.TextUnavailable"/>: said in the reasons, since it is why no word rule matched.</param>
    public Classification Build(RoutingTarget fallback, string? textUnavailable = null) => new()
    {
        Level = _level ?? fallback.Level,
        Category = _category ?? fallback.Category,
        Office = _office ?? fallback.Office,
        Priority = _priority ?? fallback.Priority,
        RuleName = _ruleNames.Count == 0 ? "default" : string.Join(" + ", _ruleNames),
        Matches = [.. _ruleNames.Count == 0 ? ["no rule matched"] : _matches,
            .. textUnavailable is null ? Array.Empty<string>() : [$"text not classified: {textUnavailable}"]],
    };
}
