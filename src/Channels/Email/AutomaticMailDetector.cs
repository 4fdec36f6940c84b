using ContactCenter.Core.Tickets;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Recognises mail that must not open a ticket nor get a reply (RFC 3834), most specific signal first:
/// bounces (multipart/report delivery-status, MAILER-DAEMON or postmaster sender, empty Return-Path), then
/// auto-replies (Auto-Submitted other than "no", X-Autoreply, X-Autorespond, X-Auto-Response-Suppress, other
/// multipart/report kinds such as read receipts), then mailing lists (Precedence bulk, junk or list; List-Id;
/// List-Unsubscribe), then mail from our own addresses. Precedence is always treated as a list signal: a genuine
/// auto-responder that sets it nearly always sets Auto-Submitted too, which is checked first.
/// </summary>
internal sealed class AutomaticMailDetector(MailAddressRules addresses)
{
    private static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"];
    private static readonly string[] ListHeaders = ["List-Id", "List-Unsubscribe"];
    private static readonly string[] ListPrecedences = ["bulk", "junk", "list"];

    public AutomaticMailVerdict Detect(MimeMessage message, string? fromAddress) =>
        Bounce(message, fromAddress) ?? AutoReply(message) ?? MailingList(message) ?? Own(fromAddress) ?? AutomaticMailVerdict.Human;

    private static AutomaticMailVerdict? Bounce(MimeMessage message, string? fromAddress)
    {
        if (message.Body is MultipartReport report)
        {
            var type = report.ReportType ?? "";
            return type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)
                ? new(AutomaticMailKind.Bounce, $"multipart/report; report-type={type}")
                : new(AutomaticMailKind.AutoReply, $"multipart/report; report-type={type}");
        }

        if (MailAddressRules.IsBounceSender(fromAddress))
        {
            return new(AutomaticMailKind.Bounce, $"From: {fromAddress}");
        }

        var returnPath = message.Headers["Return-Path"];
        if (returnPath is not null && string.Concat(returnPath.Where(c => !char.IsWhiteSpace(c))) == "<>")
        {
            return new(AutomaticMailKind.Bounce, "Return-Path: <>");
        }

        return null;
    }

    private static AutomaticMailVerdict? AutoReply(MimeMessage message)
    {
        var autoSubmitted = message.Headers["Auto-Submitted"];
        if (autoSubmitted is not null)
        {
            var token = autoSubmitted.Split(';', 2)[0].Trim();
            if (!token.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                return new(AutomaticMailKind.AutoReply, $"Auto-Submitted: {Shorten(autoSubmitted)}");
            }
        }

        foreach (var name in AutoReplyHeaders)
        {
            if (message.Headers[name] is { } value)
            {
                return new(AutomaticMailKind.AutoReply, $"{name}: {Shorten(value)}");
            }
        }

        return null;
    }

    private static AutomaticMailVerdict? MailingList(MimeMessage message)
    {
        var precedence = message.Headers["Precedence"]?.Trim();
        if (precedence is not null && ListPrecedences.Contains(precedence, StringComparer.OrdinalIgnoreCase))
        {
            return new(AutomaticMailKind.MailingList, $"Precedence: {precedence}");
        }

        foreach (var name in ListHeaders)
        {
            if (message.Headers[name] is { } value)
            {
                return new(AutomaticMailKind.MailingList, $"{name}: {Shorten(value)}");
            }
        }

        return null;
    }

    private AutomaticMailVerdict? Own(string? fromAddress) =>
        addresses.IsOwn(fromAddress) ? new(AutomaticMailKind.OwnAddress, $"From: {fromAddress} is one of our own addresses") : null;

    private static string Shorten(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..80] + "…";
    }
}
