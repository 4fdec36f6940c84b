using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace ContactCenter.Channels.Email.Screening;

/// <summary>
/// Reads the verdict our MTA wrote: SpamAssassin's <c>X-Spam-Flag</c>/<c>X-Spam-Status</c>/<c>X-Spam-Score</c> or
/// rspamd's <c>X-Spamd-Result</c>. Only the top-most header of each name counts (the MTA prepends its own).
/// </summary>
public static partial class SpamHeaderReader
{
    public static SpamJudgement? Read(HeaderList headers, MtaSpamHeaders kind) => kind switch
    {
        MtaSpamHeaders.SpamAssassin => ReadSpamAssassin(headers),
        MtaSpamHeaders.Rspamd => ReadRspamd(headers),
        _ => null,
    };

    private static SpamJudgement? ReadSpamAssassin(HeaderList headers)
    {
        var flag = headers["X-Spam-Flag"];
        var status = headers["X-Spam-Status"];
        var scoreText = headers["X-Spam-Score"];
        if (flag is null && status is null && scoreText is null)
        {
            return null;
        }

        double? score = Number(scoreText);
        var symbols = new List<string>();
        if (status is not null)
        {
            var match = StatusScore().Match(status);
            if (match.Success)
            {
                score ??= Number(match.Groups[1].Value);
            }

            var tests = StatusTests().Match(status);
            if (tests.Success)
            {
                symbols.AddRange(tests.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        var isSpam = flag?.Trim().Equals("YES", StringComparison.OrdinalIgnoreCase) == true
            || status?.TrimStart().StartsWith("Yes", StringComparison.OrdinalIgnoreCase) == true;
        return new SpamJudgement("spamassassin-headers", score ?? 0, isSpam, null, symbols);
    }

    private static SpamJudgement? ReadRspamd(HeaderList headers)
    {
        // "default: False [3.40 / 15.00]; SYMBOL(1.00)[options]; ..."
        var result = headers["X-Spamd-Result"];
        if (result is null)
        {
            return null;
        }

        var match = RspamdHead().Match(result);
        if (!match.Success)
        {
            return null;
        }

        var symbols = RspamdSymbol().Matches(result[match.Length..]).Select(m => m.Groups[1].Value).ToList();
        var isSpam = match.Groups[1].Value.Equals("True", StringComparison.OrdinalIgnoreCase);
        return new SpamJudgement("rspamd-headers", Number(match.Groups[2].Value) ?? 0, isSpam, null, symbols);
    }

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    [GeneratedRegex(@"\bscore=(-?[0-9]+(?:\.[0-9]+)?)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex StatusScore();

    [GeneratedRegex(@"\btests=((?:[A-Za-z0-9_]+,\s*)*[A-Za-z0-9_]+)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex StatusTests();

    [GeneratedRegex(@"^\s*[A-Za-z0-9_-]+\s*:\s*(True|False)\s*\[\s*(-?[0-9]+(?:\.[0-9]+)?)\s*/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 250)]
    private static partial Regex RspamdHead();

    [GeneratedRegex(@";\s*([A-Z0-9_]+)\s*\(", RegexOptions.CultureInvariant, 250)]
    private static partial Regex RspamdSymbol();
}
