using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>The e-mail normaliser's log events (ids 1100-1199). Addresses and subjects stay out of the log.</summary>
internal static partial class EmailNormalizerLog
{
    [LoggerMessage(1100, LogLevel.Debug, "Normalised {SourceKey}: {AttachmentCount} attachments, {Bytes} bytes, automatic mail {AutomaticMail}")]
    public static partial void Normalised(ILogger logger, string sourceKey, int attachmentCount, long bytes, AutomaticMailKind automaticMail);

    [LoggerMessage(1101, LogLevel.Warning, "Rejected {SourceKey}: {Reason}")]
    public static partial void Rejected(ILogger logger, string sourceKey, string reason);

    [LoggerMessage(1102, LogLevel.Warning, "Part of {SourceKey} read only partly: {Problem}")]
    public static partial void PartProblem(ILogger logger, string sourceKey, string problem);

    [LoggerMessage(1103, LogLevel.Information, "{SourceKey} is automatic mail ({AutomaticMail}): {Reason}")]
    public static partial void AutomaticMail(ILogger logger, string sourceKey, AutomaticMailKind automaticMail, string? reason);

    [LoggerMessage(1104, LogLevel.Warning, "Body of {SourceKey} cut at {MaxChars} characters; the archived original is complete")]
    public static partial void BodyTruncated(ILogger logger, string sourceKey, int maxChars);

    [LoggerMessage(1105, LogLevel.Error, "Normaliser failed on {SourceKey}; rejecting it")]
    public static partial void Failed(ILogger logger, Exception exception, string sourceKey);
}
