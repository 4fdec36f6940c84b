namespace ContactCenter.Core.Receipts;

/// <summary>Addresses that must never get an automatic reply: system mailboxes and our own addresses or domains.</summary>
internal sealed class ReceiptAddressFilter
{
    private readonly NoReplyMatcher noReply;
    private readonly HashSet<string> ownAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> ownDomains = [];

    public ReceiptAddressFilter(ReceiptOptions options)
    {
        noReply = new NoReplyMatcher(options.NoReplyPatterns);
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
    public bool IsNoReply(EmailAddressParts address) => noReply.Matches(address.LocalPart);

    public bool IsOwn(EmailAddressParts address) =>
        ownAddresses.Contains(address.Address)
        || ownDomains.Any(d => address.Domain == d || address.Domain.EndsWith("." + d, StringComparison.Ordinal));
}
