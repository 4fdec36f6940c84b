using ContactCenter.Core.Routing;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// The topics a citizen can choose: <c>WebForm:Topics</c> when set, else the categories of the routing rules in
/// their order, then the default category ("altro") last. The choice becomes the ticket's category hint.
/// </summary>
internal sealed class TopicList(IOptions<WebFormOptions> options, IOptions<RoutingOptions> routing)
{
    private readonly Lazy<IReadOnlyList<string>> topics = new(() => Build(options.Value, routing.Value));

    public IReadOnlyList<string> Topics => topics.Value;

    private static IReadOnlyList<string> Build(WebFormOptions options, RoutingOptions routing)
    {
        if (options.Topics.Count > 0)
        {
            return options.Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        }

        var fallback = routing.Default.Category;
        return routing.Rules.Select(r => r.Category).OfType<string>().Select(c => c.Trim())
            .Where(c => c.Length > 0 && !string.Equals(c, fallback, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Append(fallback).ToList();
    }
}
