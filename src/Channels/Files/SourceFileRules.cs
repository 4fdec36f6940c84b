namespace ContactCenter.Channels.Files;

/// <summary>
/// How a file channel reads the files in its folder: regular files only, links followed only when
/// <paramref name="FollowSymlinks"/> and only when they resolve inside <paramref name="Root"/>, each read bounded by
/// <paramref name="ReadTimeout"/>. <paramref name="OptionPrefix"/> (<c>Channels:scan</c>) names the keys in reasons.
/// </summary>
internal sealed record SourceFileRules(string Root, bool FollowSymlinks, TimeSpan ReadTimeout, string OptionPrefix)
{
    public string FollowSymlinksKey => OptionPrefix + ":FollowSymlinks";

    public string ReadTimeoutKey => OptionPrefix + ":ReadTimeout";
}
