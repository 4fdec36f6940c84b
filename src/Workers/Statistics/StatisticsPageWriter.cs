using System.Globalization;
using System.Net;
using System.Text;
using ContactCenter.Core.Statistics;

namespace ContactCenter.Workers.Statistics;

/// <summary>
/// Writes the public statistics page for the institution's website: one self-contained HTML file, Italian labels,
/// charts as inline SVG each with a table alternative, and only aggregate figures (never a name, address or text).
/// </summary>
internal static class StatisticsPageWriter
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    /// <summary>No byte order mark: the page is served as is, and a BOM before the doctype upsets some servers and tools.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="zone">The institution's time zone (ContactCenter:Sla:TimeZone): the update time is shown in it, named.</param>
    public static async Task<string> WriteAsync(TicketStatistics stats, string directory, string title, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "index.html");
        await File.WriteAllTextAsync(path, Render(stats, title, zone), Utf8, cancellationToken);
        return path;
    }

    public static string Render(TicketStatistics stats, string title, TimeZoneInfo zone)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n<main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(title)}</h1>\n<p class=\"period\">{Encode(PeriodText(stats))}</p>\n");
        AppendSummary(html, stats);
        AppendSection(html, "canali", "Richieste per canale", stats.ByChannel, "Canale");
        AppendSection(html, "mesi", "Richieste per mese", stats.ByMonth.Select(r => r with { Key = MonthLabel(r.Key) }).ToList(), "Mese");
        AppendSection(html, "livelli", "Richieste per livello di lavorazione", stats.ByLevel, "Livello");
        html.Append(CultureInfo.InvariantCulture,
            $"<footer><p>Dati aggregati, aggiornati al {UpdatedAt(stats.ComputedAt, zone)}. Non contengono dati personali.</p></footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>"1 aprile 2026 11:00 (ora di Roma, CEST)" with the instant machine-readable, never a bare UTC time.</summary>
    private static string UpdatedAt(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var name = zone.Id is "Europe/Rome" or "W. Europe Standard Time"
            ? $"ora di Roma, {(zone.IsDaylightSavingTime(local) ? "CEST" : "CET")}"
            : $"ora {zone.Id}, UTC{local.ToString("zzz", CultureInfo.InvariantCulture)}";
        return $"<time datetime=\"{local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\">" +
            $"{Encode(local.ToString("d MMMM yyyy HH:mm", Italian))} ({Encode(name)})</time>";
    }

    private static void AppendSummary(StringBuilder html, TicketStatistics stats)
    {
        var total = stats.Total;
        var onTime = total.Closed == 0 ? "n.d." : (100.0 * total.ClosedOnTime / total.Closed).ToString("0.#", Italian) + "%";
        html.Append("<section aria-labelledby=\"riepilogo\">\n<h2 id=\"riepilogo\">Riepilogo</h2>\n<dl class=\"summary\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>Richieste ricevute</dt><dd id=\"ricevute\">{total.Received}</dd></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>Richieste evase</dt><dd id=\"evase\">{total.Closed}</dd></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>Richieste aperte</dt><dd id=\"aperte\">{total.Open}</dd></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>Evase nei tempi promessi</dt><dd id=\"nei-tempi\">{Encode(onTime)}</dd></div>\n");
        // Held as spam: no request, so counted apart from the figures above and never in them.
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>Messaggi indesiderati (spam), non conteggiati come richieste</dt><dd id=\"spam\">{stats.Spam}</dd></div>\n");
        html.Append("</dl>\n</section>\n");
    }

    private static void AppendSection(StringBuilder html, string id, string heading, IReadOnlyList<CountRow> rows, string keyHeader)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{Encode(heading)}</h2>\n");
        html.Append("<figure>\n").Append(BarChartSvg.Render($"grafico-{id}", heading, rows));
        html.Append(CultureInfo.InvariantCulture, $"\n<figcaption>{Encode(heading)}: richieste evase e aperte (i dati sono nella tabella seguente).</figcaption>\n</figure>\n");
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"tabella-{id}\">\n<caption>{Encode(heading)}</caption>\n<thead><tr>");
        html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{Encode(keyHeader)}</th><th scope=\"col\">Ricevute</th><th scope=\"col\">Evase</th>");
        html.Append("<th scope=\"col\">Aperte</th><th scope=\"col\">Evase nei tempi</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\">{Encode(row.Key)}</th><td>{row.Received}</td><td>{row.Closed}</td><td>{row.Open}</td><td>{row.ClosedOnTime}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string PeriodText(TicketStatistics stats) => (stats.From, stats.To) switch
    {
        (null, null) => "Tutte le richieste registrate.",
        ({ } from, null) => $"Richieste ricevute dal {from.ToString("d MMMM yyyy", Italian)}.",
        (null, { } to) => $"Richieste ricevute fino al {to.ToString("d MMMM yyyy", Italian)}.",
        ({ } from, { } to) => $"Richieste ricevute dal {from.ToString("d MMMM yyyy", Italian)} al {to.ToString("d MMMM yyyy", Italian)}.",
    };

    private static string MonthLabel(string yearMonth) =>
        DateOnly.TryParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", Italian)
            : yearMonth;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Css =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a;background:#fff;margin:0}" +
        "main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}h1{font-size:1.8rem}h2{margin-top:2rem;font-size:1.35rem}" +
        ".summary{display:flex;flex-wrap:wrap;gap:1rem}.summary div{border:1px solid #767676;padding:.6rem 1rem;min-width:10rem}" +
        "dt{font-size:.9rem}dd{margin:0;font-size:1.8rem;font-weight:700}table{border-collapse:collapse;margin:.5rem 0}" +
        "th,td{border:1px solid #767676;padding:.3rem .7rem;text-align:right}th[scope=row],thead th:first-child{text-align:left}" +
        "caption{text-align:left;font-weight:600;padding:.3rem 0}figure{margin:0}svg{max-width:100%;height:auto}" +
        "footer{margin-top:2rem;font-size:.9rem;color:#4a4a4a}";
}
