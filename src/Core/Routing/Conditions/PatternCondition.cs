using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Routing.Conditions;

/// <summary>Any of the regular expressions matches the original text; a timed-out one counts as no match.</summary>
internal sealed class PatternCondition(string ruleName, IReadOnlyList<Regex> patterns, TextScope scope, ILogger logger)
    : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        var timedOut = new List<string>();
        foreach (var regex in patterns)
        {
            foreach (var (field, text) in view.TextsIn(scope))
            {
                try
                {
                    var match = regex.Match(text.Original);
                    if (match.Success)
                    {
                        return ConditionResult.Pass($"regex \"{regex}\" matched \"{Shorten(match.Value)}\"");
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    timedOut.Add($"regex \"{regex}\" timed out on the {field}");
                    RoutingLog.RegexTimedOut(logger, ruleName, regex.ToString(), field, view.Draft.SourceKey);
                }
            }
        }

        return ConditionResult.Fail(() =>
        {
            var failure = $"no regex of {ListText.Of(patterns.Select(p => p.ToString()))} matched";
            return timedOut.Count == 0 ? failure : $"{failure} ({string.Join("; ", timedOut)})";
        });
    }

    // The reason is stored on the ticket and logged: a greedy pattern must not copy a whole letter into it.
    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
