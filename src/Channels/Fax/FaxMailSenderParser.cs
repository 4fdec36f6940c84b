using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Reads the sender of a fax-to-e-mail message from the gateways' conventions:
/// HylaFAX faxrcvd ("Facsimile received from TSI", template "Fax received from \"TSI\"", body "Sender:",
/// "CallID1:" number, "CallID2:" name, older faxinfo "CIDNumber:"/"CIDName:") and Asterisk/FreePBX fax2mail
/// ("New fax from: \"Name\" &lt;number&gt;", body "Enclosed, please find a new fax from: ...", "From: ..."), and the
/// same gateways with Italian templates ("Numero chiamante:", "Nome chiamante:", "Identificativo mittente:", "Chiamante:").
/// </summary>
internal static partial class FaxMailSenderParser
{
    public static FaxSenderInfo Parse(string? subject, string? body)
    {
        var fromBody = ParseBody(body ?? "");
        var fromSubject = ParseSubject(subject ?? "");
        return fromBody.Or(fromSubject);
    }

    private static FaxSenderInfo ParseSubject(string subject)
    {
        var match = SubjectPattern().Match(subject);
        if (!match.Success)
        {
            return FaxSenderInfo.Unknown;
        }

        var party = Unquote(match.Groups["party"].Value);
        return match.Groups["kind"].Value.StartsWith("facsimile", StringComparison.OrdinalIgnoreCase)
            ? new FaxSenderInfo(party, null, null)
            : FromCallerId(party, tsiWhenNotANumber: true);
    }

    private static FaxSenderInfo ParseBody(string body)
    {
        string? tsi = null, number = null, name = null;
        var result = FaxSenderInfo.Unknown;
        foreach (Match line in BodyLine().Matches(body))
        {
            var key = line.Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            var value = Unquote(line.Groups["value"].Value);
            if (value.Length == 0 || value is "<unknown>" or "unknown")
            {
                continue;
            }

            switch (key)
            {
                case "sender" or "tsi" or "remotestationid" or "stationid" or "mittente" or "identificativomittente"
                    or "identificativostazione" or "stazioneremota" or "idstazione":
                    tsi ??= value;
                    break;
                case "callid1" or "cidnumber" or "callernumber" or "calleridnumber" or "numero" or "numerochiamante"
                    or "numerodelchiamante" or "numeromittente" or "numerofaxmittente" or "dalnumero":
                    number ??= value;
                    break;
                case "callid2" or "cidname" or "callername" or "calleridname" or "nomechiamante" or "nomedelchiamante"
                    or "nomemittente":
                    name ??= value;
                    break;
                case "from" or "da" or "callerid" or "chiamante" or "enclosed,pleasefindanewfaxfrom"
                    or "inallegatounnuovofaxda" or "ricevutounnuovofaxda":
                    // "From: fax@gateway" in a forwarded mail names no caller; only a number counts here.
                    if (FromCallerId(value, tsiWhenNotANumber: false) is { CallerId: not null } caller)
                    {
                        result = result.Or(caller);
                    }

                    break;
            }
        }

        return new FaxSenderInfo(tsi, number, name).Or(result);
    }

    /// <summary>Asterisk's CALLERID(all): <c>"Name" &lt;number&gt;</c>, or a bare number or name.</summary>
    private static FaxSenderInfo FromCallerId(string value, bool tsiWhenNotANumber)
    {
        var match = CallerIdAll().Match(value);
        if (match.Success)
        {
            var name = Unquote(match.Groups["name"].Value);
            var number = match.Groups["number"].Value.Trim();
            return new FaxSenderInfo(null, number.Length > 0 ? number : null, name.Length > 0 ? name : null);
        }

        return Paper.ItalianPhoneNumber.ToE164(value) is not null ? new FaxSenderInfo(null, value, null)
            : tsiWhenNotANumber ? new FaxSenderInfo(value, null, null)
            : new FaxSenderInfo(null, null, value);
    }

    private static string Unquote(string value) => value.Trim().Trim('"', '\'', '“', '”').Trim();

    [GeneratedRegex(
        @"(?<kind>facsimile\s+received\s+from|fax\s+received\s+from|new\s+fax\s+from|nuovo\s+fax\s+da|fax\s+ricevuto\s+da)\s*:?\s*(?<party>.+?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^[ \t]*(?<key>[A-Za-z][A-Za-z0-9 ,]{0,40}?)[ \t]*:[ \t]*(?<value>.*?)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BodyLine();

    [GeneratedRegex(@"^(?<name>""[^""]*""|[^<]*)\s*<(?<number>[^>]*)>\s*$")]
    private static partial Regex CallerIdAll();
}
