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

        if (StableFor < TimeSpan.Zero || StableFor > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:00 and 01:00:00", [nameof(StableFor)]);
        }
    }
}
