using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Channels.Email;

/// <summary>A channel of <c>Type</c> <c>Imap</c> (and, derived, <c>FaxMail</c>).</summary>
public class ImapChannelOptions : MailConnectionOptions
{
    [Required(ErrorMessage = "required")]
    public string Folder { get; set; } = "INBOX";

    public ImapAfterImport AfterImport { get; set; } = ImapAfterImport.Move;

    /// <summary>Where imported messages go in <see cref="ImapAfterImport.Move"/> mode; created if missing.</summary>
    [Required(ErrorMessage = "required")]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>
    /// While the service runs, a second connection waits in IMAP IDLE and new mail is fetched as soon as the server
    /// announces it; the schedule still polls. Ignored when the server has no IDLE.
    /// </summary>
    public bool Idle { get; set; } = true;

    /// <summary>Where rejected messages go (never deleted); created if missing.</summary>
    [Required(ErrorMessage = "required")]
    public string QuarantineFolder { get; set; } = "Quarantine";
}
