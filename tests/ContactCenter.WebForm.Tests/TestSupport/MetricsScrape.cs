using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>Reads a counter from the control endpoint's Prometheus <c>/metrics</c>.</summary>
public static class MetricsScrape
{
    public static async Task<long> CounterAsync(Uri controlUrl, string name, string label, string value)
    {
        using var http = new HttpClient { BaseAddress = controlUrl };
        var text = await http.GetStringAsync("metrics");
        var pattern = new Regex($"^{Regex.Escape(name)}\\{{[^}}]*{Regex.Escape(label)}=\"{Regex.Escape(value)}\"[^}}]*\\}} (?<n>\\d+)", RegexOptions.Multiline);
        return pattern.Matches(text).Sum(m => long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Scrapes until the counter reaches <paramref name="atLeast"/> (the exporter caches a scrape briefly).</summary>
    public static async Task<long> WaitForCounterAsync(Uri controlUrl, string name, string label, string value, long atLeast)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        long seen;
        while ((seen = await CounterAsync(controlUrl, name, label, value)) < atLeast && DateTime.UtcNow < until)
        {
            await Task.Delay(300);
        }

        return seen;
    }
}
