using System.Text.RegularExpressions;
using ContactCenter.Core.Routing.Conditions;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Routing;

/// <summary>Turns configured rules into compiled ones; cheap conditions first so most rules fail fast.</summary>
internal static class RuleCompiler
{
    public static CompiledRule Compile(int index, RoutingRule rule, TimeSpan regexTimeout, ILogger logger)
    {
        var conditions = new List<IRuleCondition>();
        if (rule.Channels.Count > 0)
        {
            conditions.Add(new ChannelCondition(rule.Channels));
        }

        if (rule.ChannelNames.Count > 0)
        {
            conditions.Add(new ChannelNameCondition(rule.ChannelNames));
        }

        if (rule.CategoryHints.Count > 0)
        {
            conditions.Add(new CategoryHintCondition(rule.CategoryHints));
        }

        if (rule.Languages.Count > 0)
        {
            conditions.Add(new LanguageCondition(rule.Languages));
        }

        if (rule.HasAttachment is { } has)
        {
            conditions.Add(new HasAttachmentCondition(has));
        }

        if (rule.AttachmentTypes.Count > 0)
        {
            conditions.Add(new AttachmentTypeCondition(rule.AttachmentTypes));
        }

        if (rule.SenderPatterns.Count > 0)
        {
            conditions.Add(new SenderCondition(rule.SenderPatterns.Select(p => new SenderGlob(p)).ToArray()));
        }

        if (rule.Words.Count > 0)
        {
            var phrases = rule.Words.Select(w => new WordPhrase(w)).Where(p => !p.IsEmpty).ToArray();
            conditions.Add(new WordsCondition(phrases, Math.Max(1, rule.MinWordMatches), rule.Where));
        }

        if (rule.Patterns.Count > 0)
        {
            var regexes = rule.Patterns.Select(p => CreateRegex(p, regexTimeout, RegexOptions.Compiled)).ToArray();
            conditions.Add(new PatternCondition(rule.Name, regexes, rule.Where, logger));
        }

        return new CompiledRule(index, rule, conditions);
    }

    public static Regex CreateRegex(string pattern, TimeSpan timeout, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | extra, timeout);

    public static bool HasConditions(RoutingRule rule) =>
        rule.Channels.Count > 0 || rule.ChannelNames.Count > 0 || rule.SenderPatterns.Count > 0 ||
        rule.Words.Count > 0 || rule.Patterns.Count > 0 || rule.HasAttachment is not null ||
        rule.AttachmentTypes.Count > 0 || rule.Languages.Count > 0 || rule.CategoryHints.Count > 0;
}
