using System.Diagnostics.Metrics;
using ContactCenter.Channels.Email;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Each IMAP mailbox's storage used and allowed, as its server last reported them (a mailbox nearing its quota is about
/// to bounce the citizens' mail): an alert can compare the two without polling <c>/health</c>.
/// </summary>
internal static class MailboxQuotaGauges
{
    public static void Create(Meter meter, MailboxQuotaRegistry quotas)
    {
        meter.CreateObservableGauge("contactcenter.mailbox.quota.used", () => Read(quotas, q => q.UsedBytes), "By",
            "Storage an IMAP mailbox uses, as its server reports it (QUOTA extension), by channel.");
        meter.CreateObservableGauge("contactcenter.mailbox.quota.limit", () => Read(quotas, q => q.LimitBytes), "By",
            "Storage an IMAP mailbox may use before its server refuses new mail, by channel.");
    }

    private static IEnumerable<Measurement<long>> Read(MailboxQuotaRegistry quotas, Func<MailboxQuota, long?> value) =>
        quotas.All.Where(q => value(q.Value) is not null)
            .Select(q => new Measurement<long>(value(q.Value)!.Value, new KeyValuePair<string, object?>("channel", q.Key)));
}
