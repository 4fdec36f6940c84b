using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Channels;

namespace ContactCenter.Channels.Email;

/// <summary>A channel of <c>Type</c> <c>MailDrop</c>: a folder of <c>.eml</c> files or a Maildir a local MTA delivers to.</summary>
public class MailDropChannelOptions : ChannelOptions, IValidatableObject
{
    [Required(ErrorMessage = "required")]
    public string Path { get; set; } = "";

    /// <summary>Imported files go to <c>{DonePath}/yyyy/MM/</c>; default <c>{Path}/done</c> (outside Maildir's new/ and cur/).</summary>
    public string? DonePath { get; set; }

    /// <summary>Rejected files go here with a <c>{name}.reason.txt</c>; default <c>{Path}/quarantine</c>.</summary>
    public string? QuarantinePath { get; set; }

    /// <summary>The folder a PEC mailbox delivers to: see <see cref="MailConnectionOptions.Pec"/>.</summary>
    public bool Pec { get; set; }

    /// <summary>Spam and sender-authentication verdicts to trust or ask for (see <see cref="Screening.MailScreeningOptions"/>).</summary>
    public Screening.MailScreeningOptions? Screening { get; set; }

    /// <summary>
    /// In a plain folder, a file is taken once its size and modification time have not changed for this long, so a
    /// message still being written is not read half-way. A Maildir needs no wait: files appear in new/ complete.
    /// </summary>
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Symbolic links in the folder are quarantined unless this is true; even then only links resolving inside
    /// <see cref="Path"/> are read (anyone who can write the folder could otherwise have any readable file imported).
    /// </summary>
    public bool FollowSymlinks { get; set; }

    /// <summary>Each read of a file must finish within this time (a hung share); past it the file is quarantined.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string ResolvedDonePath => DonePath ?? System.IO.Path.Combine(Path, "done");

    public string ResolvedQuarantinePath => QuarantinePath ?? System.IO.Path.Combine(Path, "quarantine");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StableFor < TimeSpan.Zero || StableFor > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:00 and 01:00:00", [nameof(StableFor)]);
        }

        if (ReadTimeout < TimeSpan.FromSeconds(1) || ReadTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:01 and 01:00:00", [nameof(ReadTimeout)]);
        }
    }
}
