using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Core.Channels;

/// <summary>
/// What every channel section under <c>ContactCenter:Channels:{name}</c> has; each channel type derives its own
/// options from this.
/// </summary>
public class ChannelOptions
{
    /// <summary>Imap, Pop3, MailDrop, ScanFolder, FaxSpool, FaxMail or Voicemail.</summary>
    [Required]
    public string Type { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Poll every this long (ordinary mode). Ignored when <see cref="Cron"/> is set.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron expression, e.g. <c>0 0/5 8-19 ? * MON-FRI</c>, instead of an interval.</summary>
    public string? Cron { get; set; }

    /// <summary>Poll interval in emergency mode (24/7).</summary>
    public TimeSpan EmergencyInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items fetched, stored and acknowledged together.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 100;
}
