using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Channels.Email.Screening;

/// <summary><c>ContactCenter:Spam</c>: what a spam verdict does, and where the engine is.</summary>
public sealed class SpamOptions : IValidatableObject
{
    public const string SectionName = "ContactCenter:Spam";

    /// <summary>At or over this score (rspamd's reject threshold by default) a message is held as spam.</summary>
    public double QuarantineScore { get; set; } = 15;

    public RspamdOptions Rspamd { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QuarantineScore <= 0 || double.IsNaN(QuarantineScore))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(QuarantineScore)}: must be a positive score", [nameof(QuarantineScore)]);
        }

        foreach (var (name, url) in new[] { ("Rspamd:Url", Rspamd.Url), ("Rspamd:ControllerUrl", Rspamd.ControllerUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            {
                yield return new ValidationResult($"{SectionName}:{name}: must be an absolute http or https URL", [name]);
            }
        }

        if (Rspamd.Timeout <= TimeSpan.Zero || Rspamd.Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"{SectionName}:Rspamd:Timeout: must be between 00:00:00.001 and 00:05:00", ["Rspamd:Timeout"]);
        }

        var sources = (Rspamd.Password is null ? 0 : 1) + (string.IsNullOrWhiteSpace(Rspamd.PasswordFile) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(Rspamd.PasswordEnvironmentVariable) ? 0 : 1);
        if (sources > 1)
        {
            yield return new ValidationResult($"{SectionName}:Rspamd: set only one of Password, PasswordFile, PasswordEnvironmentVariable", ["Rspamd:Password"]);
        }
    }
}
