using ContactCenter.WebForm.Tracking;

namespace ContactCenter.WebForm.Pages;

/// <summary>
/// The tracking page: number and e-mail in, and out only the state, the due date and the last update. A wrong
/// e-mail and an unknown number get the very same answer, so the page cannot tell which numbers exist.
/// </summary>
internal static class TrackingPage
{
    public const string NotFound = "Nessuna richiesta corrisponde al numero e all'indirizzo e-mail indicati. Controlli i dati: il numero è nella ricevuta che ha ricevuto per e-mail (ad esempio PC-2026-000042).";

    public static string Form(string pathBase, string siteName, string number, string email, bool notFound)
    {
        var body = new System.Text.StringBuilder("<h1>Segui una richiesta</h1>\n");
        if (notFound)
        {
            body.Append($"<div class=\"riepilogo\" role=\"alert\" id=\"esito-ricerca\"><p>{Html.Encode(NotFound)}</p></div>\n");
        }

        body.Append("<p>Inserisca il numero della richiesta e l'indirizzo e-mail con cui l'ha inviata.</p>\n");
        body.Append($"<form method=\"post\" action=\"{Html.Encode(pathBase)}/segui\" novalidate>\n");
        body.Append("<div class=\"campo\"><label for=\"numero\">Numero della richiesta</label>\n");
        body.Append("<span class=\"aiuto\" id=\"numero-aiuto\">Ad esempio PC-2026-000042.</span>\n");
        body.Append($"<input id=\"numero\" name=\"numero\" type=\"text\" autocomplete=\"off\" aria-describedby=\"numero-aiuto\" value=\"{Html.Encode(number)}\"></div>\n");
        body.Append("<div class=\"campo\"><label for=\"email\">Indirizzo e-mail</label>\n");
        body.Append($"<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" value=\"{Html.Encode(email)}\"></div>\n");
        body.Append("<p><button type=\"submit\">Cerca</button></p>\n</form>\n");
        return PageLayout.Render(pathBase, notFound ? "Richiesta non trovata - Segui una richiesta" : "Segui una richiesta", body.ToString(), siteName);
    }

    public static string Status(string pathBase, string siteName, TrackingStatus status, ItalianDates dates)
    {
        var body = $"""
            <h1>Richiesta {Html.Encode(status.Number)}</h1>
            <dl class="stato">
            <dt>Stato</dt><dd id="stato">{Html.Encode(status.State)}</dd>
            <dt>Risposta prevista entro</dt><dd id="scadenza">{Html.Encode(dates.Day(status.DueAt))}</dd>
            <dt>Ultimo aggiornamento</dt><dd id="aggiornamento">{Html.Encode(dates.DayAndTime(status.LastUpdate))}</dd>
            </dl>
            <p>La risposta le arriverà all'indirizzo con cui ha scritto. Per aggiungere informazioni risponda alla ricevuta oppure scriva indicando il numero {Html.Encode(status.Number)} nell'oggetto.</p>

            """;
        return PageLayout.Render(pathBase, $"Richiesta {status.Number}", body, siteName);
    }
}
