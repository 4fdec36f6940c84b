namespace ContactCenter.Core.Receipts;

/// <summary>
/// Local parts that never take a reply: <see cref="ReceiptOptions.BuiltInNoReplyPatterns"/> plus configured patterns,
/// compared without separators ("no_reply", "No.Reply" and "noreply" are the same mailbox to a human). One matcher
/// for the mail normaliser choosing the reply address and the receipt policy refusing one: with two, a Reply-To the
/// normaliser kept (no_reply@portal) was the one the policy refused, and the citizen's From was never tried.
/// </summary>
public sealed class NoReplyMatcher
{
    private readonly string[] patterns;

    public NoReplyMatcher(IEnumerable<string> configured) =>
        patterns = [.. ReceiptOptions.BuiltInNoReplyPatterns.Concat(configured).Select(Fold).Where(p => p.Length > 0).Distinct()];

    public bool Matches(string localPart)
    {
        var local = Fold(localPart);
        return patterns.Any(p => local.Contains(p, StringComparison.Ordinal));
    }

    private static string Fold(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
