using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Routing;

internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Routing rules compiled: {RuleCount} rules, default {Level}/{Category}")]
    public static partial void RulesCompiled(ILogger logger, int ruleCount, string level, string category);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug,
        Message = "Classified {SourceKey} as {Level}/{Category} by rule {RuleName}: {Matches}")]
    public static partial void Classified(
        ILogger logger, string sourceKey, string level, string category, string ruleName, string matches);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning,
        Message = "Rule {RuleName}: regular expression {Pattern} timed out on the {Field} of {SourceKey}; treated as no match")]
    public static partial void RegexTimedOut(ILogger logger, string ruleName, string pattern, string field, string sourceKey);
}
