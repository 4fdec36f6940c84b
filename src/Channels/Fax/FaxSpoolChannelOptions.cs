using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Channels;

namespace ContactCenter.Channels.Fax;

/// <summary>A HylaFAX-style received-fax spool (<c>recvq/</c>). The gateway owns the folder: files are never modified.</summary>
internal sealed class FaxSpoolChannelOptions : ChannelOptions, IValidatableObject
{
    public const string TypeName = "FaxSpool";

    /// <summary>The spool folder, e.g. <c>/var/spool/hylafax/recvq</c>.</summary>
    [Required]
    public string Path { get; set; } = "";

    public string Pattern { get; set; } = "fax*.tif";

    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A file (outside the spool) where imported faxes are remembered across restarts so they are not hashed again;
    /// without it the store's known source keys still make a replay a no-op.
    /// </summary>
    public string? ProcessedStatePath { get; set; }

    /// <summary>Move imported faxes to <see cref="DonePath"/>/yyyy/MM/; off by default because the gateway owns the spool.</summary>
    public bool MoveAfterImport { get; set; }

    public string? DonePath { get; set; }

    /// <summary>Where a copy of a rejected fax and its <c>.reason.txt</c> go (moved when <see cref="MoveAfterImport"/>).</summary>
    public string? QuarantinePath { get; set; }

    /// <summary>
    /// The zone of the gateway's clock, for the times in TIFF tags and faxinfo sidecars (they carry no offset); not the
    /// host's zone, which is often UTC on a server.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Rome";

    /// <summary>Symbolic links are quarantined unless this is true; even then only links resolving inside the spool are read.</summary>
    public bool FollowSymlinks { get; set; }

    /// <summary>Each read of a file must finish within this time (a hung share); past it the fax is quarantined.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MoveAfterImport && string.IsNullOrWhiteSpace(DonePath))
        {
            yield return new ValidationResult("is required when MoveAfterImport is true", [nameof(DonePath)]);
        }

        if (string.IsNullOrWhiteSpace(Pattern) || Pattern.IndexOfAny(['/', '\\']) >= 0)
        {
            yield return new ValidationResult("must be a file name pattern such as fax*.tif", [nameof(Pattern)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult("must be a time zone id such as Europe/Rome", [nameof(TimeZone)]);
        }

        if (ReadTimeout < TimeSpan.FromSeconds(1) || ReadTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:01 and 01:00:00", [nameof(ReadTimeout)]);
        }

        if (StableFor < TimeSpan.Zero || StableFor > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:00 and 01:00:00", [nameof(StableFor)]);
        }
    }
}
