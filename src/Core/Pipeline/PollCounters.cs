using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Pipeline;

/// <summary>Running totals of one poll, turned into a <see cref="PollSummary"/> at the end.</summary>
internal sealed class PollCounters(string channel)
{
    public int Fetched { get; set; }
    public int Settled { get; set; }
    public int Created { get; private set; }
    public int FollowUps { get; private set; }
    public int AutoMail { get; private set; }
    public int Duplicates { get; private set; }
    public int Quarantined { get; private set; }
    public int Spam { get; set; }
    public int AlreadyStored { get; set; }

    public void Count(DispatchOutcomeKind kind)
    {
        switch (kind)
        {
            case DispatchOutcomeKind.Created: Created++; break;
            case DispatchOutcomeKind.FollowUpAppended: FollowUps++; break;
            case DispatchOutcomeKind.AutoMailAttached or DispatchOutcomeKind.AutoMailRecorded: AutoMail++; break;
            case DispatchOutcomeKind.Duplicate: Duplicates++; break;
        }
    }

    /// <summary>An item put in quarantine, counted here and in the meter only when it is newly there (not a failed retry).</summary>
    public void CountQuarantined(bool isNew, Diagnostics.IngestMetrics? metrics)
    {
        if (isNew)
        {
            Quarantined++;
            metrics?.ItemQuarantined(channel);
        }
    }

    public PollSummary ToSummary(TimeSpan duration, string? failed = null) => new()
    {
        Channel = channel,
        Fetched = Fetched,
        Settled = Settled,
        Created = Created,
        FollowUps = FollowUps,
        AutoMail = AutoMail,
        Duplicates = Duplicates,
        Quarantined = Quarantined,
        Spam = Spam,
        AlreadyStored = AlreadyStored,
        Failed = failed,
        Duration = duration,
    };
}
