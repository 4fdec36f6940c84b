namespace ContactCenter.Core.Receipts;

/// <summary>Addresses that must never get an automatic reply: system mailboxes and our own addresses or domains.</summary>
internal sealed class ReceiptAddressFilter
{
    private readonly string[] noReplyPatterns;
    private readonly HashSet<string> ownAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> ownDomains = [];

    public ReceiptAddressFilter(ReceiptOptions options)
    {
        noReplyPatterns = ReceiptOptions.BuiltInNoReplyPatterns.Concat(options.NoReplyPatterns)
            .Select(Fold).Where(p => p.Length > 0).Distinct().ToArray();
        foreach (var entry in options.OwnAddresses.Append(options.From).Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (EmailAddressParts.TryParse(entry, out var parts))
            {
                ownAddresses.Add(parts.Address);
            }
            else
            {
                ownDomains.Add(entry.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant());
            }
        }
    }

    /// <summary>True for no-reply, mailer-daemon, postmaster, bounce addresses, whatever their separators.</summary>
    public bool IsNoReply(EmailAddressParts address)
    {
        var local = Fold(address.LocalPart);
        return noReplyPatterns.Any(p => local.Contains(p, StringComparison.Ordinal));
    }

    public bool IsOwn(EmailAddressParts address) =>
        ownAddresses.Contains(address.Address)
        || ownDomains.Any(d => address.Domain == d || address.Domain.EndsWith("." + d, StringComparison.Ordinal));

    // "no-reply", "no_reply", "No.Reply" and "noreply" are the same mailbox to a human: compare without separators.
    private static string Fold(string text) =>
        new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
