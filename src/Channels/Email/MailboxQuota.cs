using System.Globalization;
using MailKit;
using MailKit.Net.Imap;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A mailbox's quota as its IMAP server reported it (RFC 2087, GETQUOTAROOT on the source folder) at the start of the
/// channel's last poll. A full mailbox makes the provider refuse new mail (a PEC provider sends the sender a notice of
/// non-delivery): the citizen's request is turned away before it reaches the service. Processed mail moved to
/// <c>ProcessedFolder</c> counts too.
/// </summary>
public sealed record MailboxQuota(string Root, long? UsedBytes, long? LimitBytes, long? Messages, long? MessageLimit, DateTimeOffset ReadAt)
{
    /// <summary>The fuller of storage and message count (1 is full); null when the server sets neither limit.</summary>
    public double? UsedFraction => Max(Fraction(UsedBytes, LimitBytes), Fraction(Messages, MessageLimit));

    /// <summary>E.g. "85% full (870 of 1,024 MiB)", or in messages when that limit is the nearer.</summary>
    public string Describe()
    {
        if (UsedFraction is not { } fraction)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no limit set ({(UsedBytes ?? 0) >> 20:N0} MiB used)");
        }

        var percent = string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(fraction * 100):0}% full");
        if (Fraction(Messages, MessageLimit) > (Fraction(UsedBytes, LimitBytes) ?? -1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{percent} ({Messages:N0} of {MessageLimit:N0} messages)");
        }

        var unit = LimitBytes >= 10L << 20 ? (Size: 1L << 20, Name: "MiB") : (Size: 1L << 10, Name: "KiB");
        return string.Create(CultureInfo.InvariantCulture, $"{percent} ({UsedBytes / unit.Size:N0} of {LimitBytes / unit.Size:N0} {unit.Name})");
    }

    /// <summary>
    /// The quota of <paramref name="folder"/>'s root (one GETQUOTAROOT), or null where the server has no QUOTA extension.
    /// </summary>
    internal static async Task<MailboxQuota?> ReadAsync(ImapClient client, IMailFolder folder, DateTimeOffset readAt, CancellationToken cancellationToken) =>
        client.Capabilities.HasFlag(ImapCapabilities.Quota)
            ? From(await folder.GetQuotaAsync(cancellationToken).ConfigureAwait(false), readAt)
            : null;

    /// <summary>What GETQUOTAROOT answered; RFC 2087 counts storage in units of 1,024 octets.</summary>
    private static MailboxQuota From(FolderQuota quota, DateTimeOffset readAt) => new(
        quota.QuotaRoot?.FullName ?? "",
        quota.CurrentStorageSize is { } used ? (long)used * 1024 : null,
        quota.StorageLimit is { } limit ? (long)limit * 1024 : null,
        quota.CurrentMessageCount is { } count ? (long)count : null,
        quota.MessageLimit is { } messages ? (long)messages : null,
        readAt);

    private static double? Fraction(long? used, long? limit) => used is { } u && limit is > 0 and { } l ? (double)u / l : null;

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
