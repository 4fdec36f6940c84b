using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Channels;

namespace ContactCenter.Channels.Postal;

/// <summary>A folder (or several, possibly network shares) a scanner or the mail room writes letters to.</summary>
internal sealed class ScanFolderChannelOptions : ChannelOptions, IValidatableObject
{
    public const string TypeName = "ScanFolder";

    public static readonly IReadOnlyList<string> DefaultExtensions = [".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg"];

    /// <summary>Folders polled recursively; the first one holds <c>done/</c> unless <see cref="DonePath"/> says otherwise.</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>A file is taken once its size and modification time have not changed for this long.</summary>
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Default <c>{first path}/done</c>.</summary>
    public string? DonePath { get; set; }

    /// <summary>Default <c>{path}/quarantine</c> in the folder the file came from.</summary>
    public string? QuarantinePath { get; set; }

    public ScanAfterImport AfterImport { get; set; } = ScanAfterImport.MoveToDone;

    /// <summary>File extensions taken; empty means <see cref="DefaultExtensions"/>.</summary>
    public List<string> Extensions { get; set; } = [];

    /// <summary>The subfolder a file lies in (relative to its root) becomes the ticket's category hint.</summary>
    public bool SubfolderAsCategoryHint { get; set; } = true;

    /// <summary>A batch scan is split into letters at blank pages.</summary>
    public bool SplitOnBlankPages { get; set; } = true;

    /// <summary>Text printed on separator sheets, e.g. <c>SEPARATORE</c>; such pages split a batch too.</summary>
    public string? SeparatorText { get; set; }

    /// <summary>Symbolic links are quarantined unless this is true; even then only links resolving inside their folder are read.</summary>
    public bool FollowSymlinks { get; set; }

    /// <summary>Each read of a file must finish within this time (a hung share); past it the file is quarantined.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    public IReadOnlyList<string> EffectiveExtensions => Extensions.Count > 0 ? Extensions : DefaultExtensions;

    public string EffectiveDonePath => Path.GetFullPath(DonePath ?? Path.Combine(Paths[0], "done"));

    public string QuarantinePathFor(string root) => Path.GetFullPath(QuarantinePath ?? Path.Combine(root, "quarantine"));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Paths.Count == 0 || Paths.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("at least one folder is required and none may be empty", [nameof(Paths)]);
        }

        if (StableFor < TimeSpan.Zero || StableFor > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:00 and 01:00:00", [nameof(StableFor)]);
        }

        if (ReadTimeout < TimeSpan.FromSeconds(1) || ReadTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:01 and 01:00:00", [nameof(ReadTimeout)]);
        }

        if (Extensions.Any(e => e.Length < 2 || e[0] != '.'))
        {
            yield return new ValidationResult("each extension starts with a dot, e.g. \".pdf\"", [nameof(Extensions)]);
        }
    }
}
