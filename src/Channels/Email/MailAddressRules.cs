using ContactCenter.Core.Receipts;

namespace ContactCenter.Channels.Email;

/// <summary>Which addresses are ours, which never take a reply, and which belong to a mail system's bounces.</summary>
internal sealed class MailAddressRules
{
    private static readonly string[] BounceLocalParts = ["mailer-daemon", "postmaster"];

    private readonly HashSet<string> ownAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> ownDomains = [];
    private readonly NoReplyMatcher noReply;

    public MailAddressRules(MailNormalizerOptions options)
    {
        foreach (var entry in options.OwnAddresses.Select(e => e.Trim()))
        {
            if (entry.IndexOf('@', StringComparison.Ordinal) > 0)
            {
                ownAddresses.Add(entry);
            }
            else
            {
                ownDomains.Add(entry.TrimStart('@').TrimEnd('.'));
            }
        }

        noReply = new NoReplyMatcher(options.NoReplyPatterns);
    }

    public bool IsOwn(string? address)
    {
        if (!TrySplit(address, out var _, out var domain))
        {
            return false;
        }

        return ownAddresses.Contains(address!)
            || ownDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase)
                || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }

    public bool IsNoReply(string? address) =>
        TrySplit(address, out var local, out _)
        && noReply.Matches(local);

    /// <summary>MAILER-DAEMON or postmaster, with or without a domain (some MTAs send a bare <c>MAILER-DAEMON</c>).</summary>
    public static bool IsBounceSender(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = at >= 0 ? address[..at] : address;
        return BounceLocalParts.Any(p => local.Equals(p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for something that can receive mail: a local part, an @ and a domain.</summary>
    public static bool IsDeliverable(string? address) => TrySplit(address, out _, out var domain) && domain.Length > 0;

    private static bool TrySplit(string? address, out string local, out string domain)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        local = at > 0 ? address![..at] : "";
        domain = at > 0 ? address![(at + 1)..] : "";
        return at > 0;
    }
}
