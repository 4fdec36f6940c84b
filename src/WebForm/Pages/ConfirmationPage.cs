using ContactCenter.WebForm.Submission;

namespace ContactCenter.WebForm.Pages;

/// <summary>
/// Shown only after the store committed the ticket: its number, the expected answer date, where the receipt goes
/// and the citizen's own tracking link.
/// </summary>
internal static class ConfirmationPage
{
    public static string Render(string pathBase, string siteName, SubmissionResult result, string email, string? trackingLink, ItalianDates dates)
    {
        var number = Html.Encode(result.TicketNumber);
        var heading = result.Kind switch
        {
            SubmissionResultKind.AlreadyStored => "Richiesta già registrata",
            _ => "Richiesta registrata",
        };
        var lead = result.Kind switch
        {
            SubmissionResultKind.AlreadyStored => "Questa richiesta era già stata inviata ed è registrata con il numero",
            _ => "La sua richiesta è stata registrata con il numero",
        };
        var body = new System.Text.StringBuilder();
        body.Append($"<h1>{heading}</h1>\n<div class=\"esito\" role=\"status\">\n");
        if (result.TicketNumber is null)
        {
            body.Append("<p>Questa richiesta era già stata inviata ed è registrata: trova il numero nella ricevuta che le abbiamo inviato per e-mail.</p>\n</div>\n");
        }
        else
        {
            body.Append($"<p>{lead}</p>\n<p class=\"numero\" id=\"numero-richiesta\">{number}</p>\n</div>\n");
            if (result.DueAt is { } due)
            {
                body.Append($"<p>Risposta prevista entro: <strong>{Html.Encode(dates.Day(due))}</strong>.</p>\n");
            }

            body.Append("<p>Conservi il numero: le servirà per seguire la richiesta o per aggiungere informazioni.</p>\n");
            if (result.Kind == SubmissionResultKind.Created)
            {
                body.Append($"<p>Le abbiamo inviato una ricevuta all'indirizzo <strong>{Html.Encode(email)}</strong>.</p>\n");
            }

            if (trackingLink is not null)
            {
                body.Append($"<p><a href=\"{Html.Encode(trackingLink)}\" id=\"link-segui\">Segui lo stato della richiesta {number}</a></p>\n");
            }
        }

        return PageLayout.Render(pathBase, heading, body.ToString(), siteName);
    }
}
