using System.Globalization;
using System.Net;
using System.Text;
using ContactCenter.Core.Statistics;

namespace ContactCenter.Workers.Statistics;

/// <summary>A stacked bar chart (answered / open) as inline SVG: no scripts, no fonts, no external files.</summary>
internal static class BarChartSvg
{
    private const int BarHeight = 22;
    private const int LabelWidth = 150;
    private const int ChartWidth = 420;

    public static string Render(string id, string title, IReadOnlyList<CountRow> rows)
    {
        var max = Math.Max(1, rows.Select(r => r.Received).DefaultIfEmpty(0).Max());
        var height = (rows.Count * (BarHeight + 8)) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg role=\"img\" aria-labelledby=\"{id}-title\" width=\"{LabelWidth + ChartWidth + 60}\" height=\"{height}\" viewBox=\"0 0 {LabelWidth + ChartWidth + 60} {height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        var y = 4;
        foreach (var row in rows)
        {
            var closedWidth = ChartWidth * row.Closed / max;
            var openWidth = ChartWidth * row.Open / max;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\">{WebUtility.HtmlEncode(row.Key)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{closedWidth}\" height=\"{BarHeight}\" fill=\"#1b6e3a\"><title>{row.Closed} evase</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth + closedWidth}\" y=\"{y}\" width=\"{openWidth}\" height=\"{BarHeight}\" fill=\"#c96b00\"><title>{row.Open} aperte</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + closedWidth + openWidth + 6}\" y=\"{y + 16}\" font-size=\"13\">{row.Received}</text>");
            y += BarHeight + 8;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g font-size=\"12\" transform=\"translate({LabelWidth},{y + 6})\">");
        svg.Append("<rect width=\"12\" height=\"12\" fill=\"#1b6e3a\"/><text x=\"16\" y=\"11\">evase</text>");
        svg.Append("<rect x=\"80\" width=\"12\" height=\"12\" fill=\"#c96b00\"/><text x=\"96\" y=\"11\">aperte</text></g>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
