using System.Text.RegularExpressions;

namespace ContactCenter.Workers.Cli.Config;

/// <summary>
/// Secrets that ride inside a value whose key does not name them: the password of a connection string
/// (<c>Host=db1;Password=…</c>), the password of a URL's user part, and the path of a webhook URL (Slack- or
/// Teams-style endpoints carry their token there). Shown and logged with those parts hidden.
/// </summary>
internal static partial class SecretText
{
    public const string Hidden = "********";

    /// <summary>A connection string with every <c>Password</c>/<c>Pwd</c> value hidden.</summary>
    public static string ConnectionString(string value) => PasswordPart().Replace(value, m => $"{m.Groups["key"].Value}={Hidden}");

    /// <summary>
    /// A URL with its user part's password hidden and, when <paramref name="hidePath"/>, its path and query too
    /// (<c>https://hooks.example.it/…</c>); a value that is not an absolute URL is returned as it is.
    /// </summary>
    public static string Url(string value, bool hidePath)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.IsFile)
        {
            return value;
        }

        var user = url.UserInfo.Length == 0 ? "" : url.UserInfo.Split(':')[0] + (url.UserInfo.Contains(':', StringComparison.Ordinal) ? ":" + Hidden : "") + "@";
        var rest = hidePath ? (url.PathAndQuery is "/" or "" ? "/" : "/…") : url.PathAndQuery;
        return $"{url.Scheme}://{user}{url.Authority}{rest}";
    }

    [GeneratedRegex("""(?<key>\b(?:password|pwd|psw))\s*=\s*(?:"[^"]*"|'[^']*'|[^;]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPart();
}
