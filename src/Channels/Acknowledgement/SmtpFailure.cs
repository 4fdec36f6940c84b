using MailKit.Net.Smtp;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>What a failed send means for its outbox row.</summary>
internal static class SmtpFailure
{
    private const int MaxErrorLength = 500;

    /// <summary>A 5xx refusal of the recipient will not change by retrying: the row is abandoned at once.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command
        && (int)command.StatusCode >= 500;

    /// <summary>
    /// The error kept on the row and shown to operators. MailKit's messages carry the server's reply text, never
    /// our credentials; the length is capped because a server's reply can be long.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var text = exception switch
        {
            SmtpCommandException command => $"SMTP {(int)command.StatusCode} ({command.ErrorCode}): {command.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
