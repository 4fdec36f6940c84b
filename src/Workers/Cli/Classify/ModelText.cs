using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Cli.Classify;

/// <summary>The learned model's verdict in one line, for <c>classify explain</c> and <c>tickets show</c>.</summary>
internal static class ModelText
{
    public static string Describe(ModelVerdict m) => FormattableString.Invariant(
        $"model v{m.Version}: level {(int)m.Level} (p={m.LevelProbability:0.00}), {m.Category} (p={m.CategoryProbability:0.00}), {(m.Decided ? "decided" : "did not decide")}; words that weighed most: {string.Join(", ", m.Words)}{(m.ReviewReason is { } review ? "; review: " + review : "")}");
}
