using System.Text.RegularExpressions;

namespace ContactCenter.Core.Routing.Conditions;

/// <summary>
/// An address or domain glob: "*@regione.abruzzo.it" is tried on the whole address, "*.gov.it" on the domain
/// after the '@'. '*' is any run of characters (dots included), '?' one character.
/// </summary>
internal sealed class SenderGlob
{
    private readonly Regex _regex;
    private readonly bool _onAddress;

    public SenderGlob(string pattern)
    {
        Pattern = pattern.Trim();
        _onAddress = Pattern.Contains('@');
        var body = Regex.Escape(Pattern).Replace(@"\*", ".*").Replace(@"\?", ".");
        _regex = new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool Matches(string address)
    {
        var at = address.LastIndexOf('@');
        var subject = _onAddress ? address : at >= 0 ? address[(at + 1)..] : address;
        return _regex.IsMatch(subject);
    }
}
