using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// Reads a voicemail notification: Asterisk's <c>X-Asterisk-VM-*</c> headers first (the PBX's own values), then the
/// body (<c>Key: value</c> lines as FreePBX writes them, Asterisk's default English sentence and its usual Italian
/// translations), then the subject (<c>[PBX]: New message 1 in mailbox 200</c>, "Nuovo messaggio vocale da ...").
/// </summary>
internal static partial class VoicemailNoticeParser
{
    private const string HeaderPrefix = "X-Asterisk-VM-";

    // A notification is a few lines; a hostile body of megabytes is read no further than this, so no pattern runs long.
    private const int MaxTextChars = 16 * 1024;
    private const int MaxValueChars = 200;

    private static readonly HashSet<string> Unknown = new(StringComparer.OrdinalIgnoreCase)
    {
        "unknown", "<unknown>", "an unknown caller", "anonymous", "anonimo", "sconosciuto", "numero sconosciuto", "private",
        "privato", "numero privato", "restricted", "withheld", "unavailable", "(null)", "asterisk",
    };

    public static VoicemailNotice Parse(HeaderList headers, string? subject, string? body)
    {
        body = Cut(body, MaxTextChars);
        subject = Cut(subject, MaxValueChars * 2);
        var fromPbx = headers.Any(h => h.Field.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase));
        var format = !fromPbx ? VoicemailFormat.Generic
            : FreePbxBody().IsMatch(body) ? VoicemailFormat.FreePbx
            : VoicemailFormat.Asterisk;
        var empty = new VoicemailNotice(format, null, null, null, null, null, null);
        var notice = fromPbx ? FromHeaders(headers, format) : empty;
        return notice.Or(FromLines(empty, body)).Or(FromText(empty, body)).Or(FromText(empty, subject ?? ""));
    }

    /// <summary>Any phone number written in the text, for the generic form (the caller's number in subject or body).</summary>
    public static string? FirstPhoneNumber(string? text)
    {
        foreach (Match match in PhoneLike().Matches(Cut(text, MaxTextChars)))
        {
            if (VoicemailCaller.ToE164(match.Value) is not null)
            {
                return match.Value.Trim();
            }
        }

        return null;
    }

    private static VoicemailNotice FromHeaders(HeaderList headers, VoicemailFormat format)
    {
        string? Value(params string[] names) =>
            names.Select(n => headers[n]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } v ? Cut(v, MaxValueChars).Trim() : null;
        return new VoicemailNotice(
            format,
            Number(Value(HeaderPrefix + "Caller-ID-Num", "X-Asterisk-CallerID")),
            Known(Value(HeaderPrefix + "Caller-ID-Name", "X-Asterisk-CallerIDName")),
            ParseDuration(Value(HeaderPrefix + "Duration")),
            Known(Value(HeaderPrefix + "Mailbox", HeaderPrefix + "Extension")),
            Value(HeaderPrefix + "Message-Num"),
            Value(HeaderPrefix + "Orig-date"));
    }

    private static VoicemailNotice FromLines(VoicemailNotice notice, string body)
    {
        foreach (Match line in KeyValueLine().Matches(body))
        {
            var key = line.Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            var value = line.Groups["value"].Value.Trim();
            notice = key switch
            {
                "from" or "da" or "caller" or "callerid" or "chiamante" or "mittente" or "numero" or "dalnumero" or "numerochiamante" =>
                    notice.Or(FromCallerId(notice.Format, value)),
                "length" or "duration" or "durata" => notice.Or(notice with { Duration = ParseDuration(value) }),
                "mailbox" or "casella" or "casellavocale" or "interno" or "extension" => notice.Or(notice with { Mailbox = Known(value) }),
                "date" or "data" or "ricevutoil" => notice.Or(notice with { Date = value }),
                _ => notice,
            };
        }

        return notice;
    }

    private static VoicemailNotice FromText(VoicemailNotice notice, string text)
    {
        var caller = CallerInText().Match(text);
        var found = caller.Success ? FromCallerId(notice.Format, caller.Groups["value"].Value) : notice;
        return found with
        {
            Duration = DurationInText().Match(text) is { Success: true } d ? ParseDuration(d.Groups["value"].Value) : null,
            Mailbox = MailboxInText().Match(text) is { Success: true } m ? m.Groups["value"].Value : null,
            MessageNumber = MessageNumberInText().Match(text) is { Success: true } n ? n.Groups["value"].Value : null,
            Date = DateInText().Match(text) is { Success: true } t ? t.Groups["value"].Value.Trim() : null,
        };
    }

    /// <summary>Asterisk's <c>${VM_CALLERID}</c>: <c>"Name" &lt;number&gt;</c>, a bare number or a bare name.</summary>
    private static VoicemailNotice FromCallerId(VoicemailFormat format, string value)
    {
        var empty = new VoicemailNotice(format, null, null, null, null, null, null);
        value = Cut(value, MaxValueChars).Trim();
        var match = CallerIdAll().Match(value);
        if (match.Success)
        {
            return empty with { CallerName = Known(Unquote(match.Groups["name"].Value)), CallerNumber = Number(match.Groups["number"].Value) };
        }

        var bare = Known(Unquote(value));
        return bare is null ? empty
            : NumberOnly().IsMatch(bare) ? empty with { CallerNumber = bare }
            : empty with { CallerName = bare };
    }

    /// <summary><c>42</c> (seconds, the header), <c>0:42</c> (<c>${VM_DUR}</c>, m:ss), <c>1:02:03</c>, <c>42 secondi</c>.</summary>
    internal static TimeSpan? ParseDuration(string? text)
    {
        var match = DurationValue().Match(text ?? "");
        if (!match.Success)
        {
            return null;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        if (!match.Groups["b"].Success)
        {
            return TimeSpan.FromSeconds(Part("a"));
        }

        return match.Groups["c"].Success
            ? new TimeSpan(Part("a"), Part("b"), Part("c"))
            : TimeSpan.FromSeconds((Part("a") * 60) + Part("b"));
    }

    private static string? Known(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || Unknown.Contains(trimmed) || Unknown.Contains(trimmed.Trim('<', '>', '"')) ? null : trimmed;
    }

    private static string? Number(string? value) => Known(value) is { } number && number.Any(char.IsAsciiDigit) ? number : null;

    private static string Cut(string? text, int max) => text is null ? "" : text.Length > max ? text[..max] : text;

    private static string Unquote(string value) => value.Trim().Trim('"', '\'', '“', '”').Trim();

    [GeneratedRegex(@"There is a new voicemail in mailbox|Dial \*98|/ucp\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FreePbxBody();

    [GeneratedRegex(@"^[ \t]*(?<key>[A-Za-z][A-Za-z ]{0,24}?)[ \t]*:[ \t]*(?<value>\S.*?)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueLine();

    [GeneratedRegex(
        @"\b(?:from|da|dal\s+numero|numero)\s+(?<value>(?:""[^""\r\n]*""|[^<>\r\n,""]{1,60}?)\s*<[^>\r\n]*>|\+?\d[\d .\-/]{4,24}\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallerInText();

    [GeneratedRegex(
        @"(?:durata|lungo|length|duration|messaggio\s+(?:vocale\s+)?di|message\s+of)\D{0,20}?(?<value>\d{1,2}:\d{2}(?::\d{2})?|\d{1,5}\s*(?:secondi|seconds|sec|s)\b)|(?<value>\d{1,2}:\d{2}(?::\d{2})?)\s+(?:long|di\s+durata)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationInText();

    [GeneratedRegex(@"(?:mailbox|casella(?:\s+vocale)?|segreteria)\s+(?:n\.\s*|numero\s+)?(?<value>\d[\w@.\-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MailboxInText();

    [GeneratedRegex(@"(?:\((?:number|numero|n\.)\s*|\bmessage\s+|\bmessaggio\s+(?:n\.\s*)?)(?<value>\d{1,5})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageNumberInText();

    [GeneratedRegex(
        @"\b(?:on|il|in\s+data)\s+(?<value>[^\r\n]{0,40}?\b\d{4}\b(?:,?\s+(?:at|alle|ore)\s+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AP]M)?)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateInText();

    [GeneratedRegex(@"^\s*(?<a>\d{1,5})(?::(?<b>\d{2})(?::(?<c>\d{2}))?)?")]
    private static partial Regex DurationValue();

    [GeneratedRegex(@"^(?<name>""[^""]*""|[^<]*)\s*<(?<number>[^>]*)>\s*$")]
    private static partial Regex CallerIdAll();

    [GeneratedRegex(@"^\+?[\d .\-/()]{2,}$")]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"\+?\d[\d .\-/]{4,24}\d")]
    private static partial Regex PhoneLike();
}
