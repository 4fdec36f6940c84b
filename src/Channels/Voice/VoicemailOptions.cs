using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Channels.Voice;

/// <summary><c>ContactCenter:Voicemail</c>: what the voicemail normaliser of every <c>Voicemail</c> channel keeps.</summary>
public sealed class VoicemailOptions : IValidatableObject
{
    public const string SectionName = "ContactCenter:Voicemail";

    /// <summary>
    /// A message shorter than this (the PBX's own test, a caller who hung up at the beep) opens no ticket: it is set
    /// aside in quarantine with its duration as the reason, where an operator can still listen to it.
    /// </summary>
    public TimeSpan MinDuration { get; set; } = TimeSpan.FromSeconds(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinDuration < TimeSpan.Zero || MinDuration > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(MinDuration)}: must be between 00:00:00 and 00:10:00, not {MinDuration}", [nameof(MinDuration)]);
        }
    }
}
