using System.Text;

namespace ContactCenter.Channels.Email.Screening;

/// <summary>
/// An <c>Authentication-Results</c> header parsed after RFC 8601: <c>authserv-id [version] ; method=result
/// [reason=...] ptype.property=value ...</c>, comments removed, quoted strings kept whole. A header that does not parse
/// gives null, never an exception: it is someone else's text.
/// </summary>
public sealed record AuthenticationResults(string AuthServId, IReadOnlyList<AuthenticationResult> Results)
{
    public static AuthenticationResults? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = SplitOutsideQuotes(StripComments(value), ';');
        var head = parts[0].Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (head.Length == 0 || head.Length > 2)
        {
            return null;
        }

        var results = new List<AuthenticationResult>();
        foreach (var part in parts.Skip(1))
        {
            var tokens = Tokens(part);
            if (tokens.Count == 0 || tokens[0].Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var method = tokens[0].Split('=', 2);
            if (method.Length != 2 || method[1].Length == 0)
            {
                return null;
            }

            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in tokens.Skip(1))
            {
                var pair = token.Split('=', 2);
                if (pair.Length == 2)
                {
                    properties[pair[0].Trim()] = Unquote(pair[1].Trim());
                }
            }

            results.Add(new AuthenticationResult(method[0].Split('/')[0].Trim().ToLowerInvariant(), method[1].Trim().ToLowerInvariant(), properties));
        }

        return new AuthenticationResults(head[0].ToLowerInvariant(), results);
    }

    /// <summary>The result of a method (dkim may appear several times: any pass wins, else the first).</summary>
    public string? ResultOf(string method)
    {
        var all = Results.Where(r => r.Method == method).Select(r => r.Result).ToList();
        return all.Count == 0 ? null : all.Contains("pass") ? "pass" : all[0];
    }

    private static string StripComments(string value)
    {
        var text = new StringBuilder(value.Length);
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && (quoted || depth > 0))
            {
                if (depth == 0)
                {
                    text.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            if (depth == 0 && c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
                continue;
            }
            else if (!quoted && c == ')' && depth > 0)
            {
                depth--;
                continue;
            }

            if (depth == 0)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static List<string> SplitOutsideQuotes(string value, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && quoted)
            {
                i++;
            }
            else if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == separator && !quoted)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        return parts;
    }

    /// <summary>Whitespace-separated tokens; <c>a = b</c> is joined into one token <c>a=b</c>.</summary>
    private static List<string> Tokens(string part)
    {
        var raw = SplitOutsideQuotes(part.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '), ' ').Where(t => t.Length > 0).ToList();
        var tokens = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var token = raw[i];
            while (i + 1 < raw.Count && (token.EndsWith('=') || raw[i + 1].StartsWith('=')))
            {
                token += raw[++i];
            }

            tokens.Add(token);
        }

        return tokens;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;
}
