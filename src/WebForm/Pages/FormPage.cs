using System.Globalization;
using System.Text;
using ContactCenter.WebForm.Submission;

namespace ContactCenter.WebForm.Pages;

/// <summary>
/// The request form. Every field has a visible label; an error is written above its field, linked from the summary
/// at the top (which the page opens with) and tied to the field by <c>aria-describedby</c>; what the citizen typed is
/// kept. Checked on the server only (<c>novalidate</c>): the same Italian messages with or without a browser's help.
/// </summary>
internal static class FormPage
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static string Render(FormPageModel m)
    {
        var o = m.Options;
        var body = new StringBuilder();
        body.Append("<h1>Scrivi al Contact Center</h1>\n");
        body.Append("<p>Con questo modulo invia una richiesta di informazioni, una segnalazione o un reclamo. Riceverà per e-mail una ricevuta con il numero della richiesta e il link per seguirla.</p>\n");
        body.Append("<p>I campi contrassegnati con <span aria-hidden=\"true\">*</span><span class=\"vh\">asterisco</span> sono obbligatori.</p>\n");
        if (m.Errors.Count > 0)
        {
            AppendSummary(body, m.Errors);
        }

        body.Append($"<form method=\"post\" action=\"{Html.Encode(m.PathBase)}/\" enctype=\"multipart/form-data\" novalidate>\n");
        body.Append($"<input type=\"hidden\" name=\"{Html.Encode(m.AntiforgeryField)}\" value=\"{Html.Encode(m.AntiforgeryToken)}\">\n");
        body.Append($"<input type=\"hidden\" name=\"{FormFields.Token}\" value=\"{Html.Encode(m.FormToken)}\">\n");
        body.Append("<fieldset><legend>I suoi dati</legend>\n");
        Text(body, m, FormFields.FirstName, "Nome", m.Input.FirstName, "text", "given-name", required: true);
        Text(body, m, FormFields.LastName, "Cognome", m.Input.LastName, "text", "family-name", required: true);
        Text(body, m, FormFields.Email, "Indirizzo e-mail", m.Input.Email, "email", "email", required: true,
            hint: "Le invieremo qui la ricevuta con il numero della richiesta.");
        Text(body, m, FormFields.Phone, "Telefono", m.Input.Phone, "tel", "tel", required: false, hint: "Facoltativo.");
        Text(body, m, FormFields.FiscalCode, "Codice fiscale", m.Input.FiscalCode, "text", "off", required: false,
            hint: "Facoltativo: 16 caratteri, ad esempio RSSMRA80A01H501U.");
        body.Append("</fieldset>\n<fieldset><legend>La sua richiesta</legend>\n");
        Topic(body, m);
        Text(body, m, FormFields.Subject, "Oggetto", m.Input.Subject, "text", "off", required: true,
            hint: $"In poche parole, al massimo {o.MaxSubjectLength} caratteri.");
        TextArea(body, m);
        Files(body, m);
        body.Append("</fieldset>\n");
        Honeypot(body);
        Consent(body, m);
        body.Append("<p><button type=\"submit\">Invia la richiesta</button></p>\n</form>\n");
        var title = m.Errors.Count > 0 ? $"Errore: {m.Errors.Count} {(m.Errors.Count == 1 ? "campo da correggere" : "campi da correggere")} - Scrivi al Contact Center" : "Scrivi al Contact Center";
        return PageLayout.Render(m.PathBase, title, body.ToString(), m.SiteName);
    }

    private static void AppendSummary(StringBuilder body, IReadOnlyList<FieldError> errors)
    {
        body.Append("<div class=\"riepilogo\" id=\"riepilogo-errori\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"titolo-errori\">\n");
        body.Append($"<h2 id=\"titolo-errori\">La richiesta non è stata inviata: {(errors.Count == 1 ? "c'è un campo" : $"ci sono {errors.Count} campi")} da correggere</h2>\n<ul>\n");
        foreach (var error in errors)
        {
            body.Append(error.Field.Length == 0
                ? $"<li>{Html.Encode(error.Message)}</li>\n"
                : $"<li><a href=\"#{error.Field}\">{Html.Encode(error.Message)}</a></li>\n");
        }

        body.Append("</ul>\n</div>\n");
    }

    private static void Text(StringBuilder body, FormPageModel m, string field, string label, string value, string type, string autocomplete,
        bool required, string? hint = null)
    {
        var (close, describedBy, invalid) = Field(body, m, field, label, required, hint);
        body.Append($"<input id=\"{field}\" name=\"{field}\" type=\"{type}\" autocomplete=\"{autocomplete}\" value=\"{Html.Encode(value)}\"{(required ? " required aria-required=\"true\"" : "")}{invalid}{describedBy}>\n");
        body.Append(close);
    }

    private static void TextArea(StringBuilder body, FormPageModel m)
    {
        var (close, describedBy, invalid) = Field(body, m, FormFields.Text, "Testo della richiesta", required: true,
            $"Descriva la sua richiesta, al massimo {m.Options.MaxTextLength.ToString("N0", Italian)} caratteri.");
        body.Append($"<textarea id=\"{FormFields.Text}\" name=\"{FormFields.Text}\" rows=\"10\" required aria-required=\"true\"{invalid}{describedBy}>{Html.Encode(m.Input.Text)}</textarea>\n");
        body.Append(close);
    }

    private static void Topic(StringBuilder body, FormPageModel m)
    {
        var (close, describedBy, invalid) = Field(body, m, FormFields.Topic, "Argomento", required: true, null);
        body.Append($"<select id=\"{FormFields.Topic}\" name=\"{FormFields.Topic}\" required aria-required=\"true\"{invalid}{describedBy}>\n");
        body.Append("<option value=\"\">Scelga l'argomento</option>\n");
        foreach (var topic in m.Topics)
        {
            var selected = string.Equals(topic, m.Input.Topic, StringComparison.Ordinal) ? " selected" : "";
            body.Append($"<option value=\"{Html.Encode(topic)}\"{selected}>{Html.Encode(Capitalised(topic))}</option>\n");
        }

        body.Append("</select>\n");
        body.Append(close);
    }

    private static void Files(StringBuilder body, FormPageModel m)
    {
        var o = m.Options;
        var types = string.Join(", ", o.AllowedAttachmentTypes.Select(t => t.ToUpperInvariant()));
        var hint = $"Facoltativi: fino a {o.MaxAttachments} file di tipo {types}, ciascuno al massimo di {FormValidator.Megabytes(o.MaxAttachmentBytes)}."
            + (m.Errors.Count > 0 ? " Se li aveva già scelti, li selezioni di nuovo." : "");
        var (close, describedBy, invalid) = Field(body, m, FormFields.Files, "Allegati", required: false, hint);
        var accept = string.Join(',', o.AllowedAttachmentTypes.Select(t => "." + t.ToLowerInvariant()));
        body.Append($"<input id=\"{FormFields.Files}\" name=\"{FormFields.Files}\" type=\"file\" multiple accept=\"{Html.Encode(accept)}\"{invalid}{describedBy}>\n");
        body.Append(close);
    }

    private static void Consent(StringBuilder body, FormPageModel m)
    {
        var o = m.Options;
        body.Append("<section class=\"informativa\" aria-labelledby=\"titolo-informativa\">\n<h2 id=\"titolo-informativa\">Informativa sul trattamento dei dati personali</h2>\n");
        body.Append($"<p>Titolare del trattamento è {Html.Encode(o.DataController)}. I dati che inserisce servono solo a rispondere alla sua richiesta, nell'esercizio dei compiti di interesse pubblico dell'ente (art. 6, par. 1, lett. e del Regolamento UE 2016/679), e sono conservati per {Html.Encode(o.RetentionPeriod)}. ");
        body.Append($"Può chiedere l'accesso, la rettifica o la limitazione scrivendo al responsabile della protezione dei dati ({Html.Encode(o.DataProtectionContact)}) e può proporre reclamo al Garante per la protezione dei dati personali. ");
        body.Append($"<a href=\"{Html.Encode(m.PathBase)}/privacy\">Leggi l'informativa completa</a>.</p>\n</section>\n");
        var error = m.Errors.FirstOrDefault(e => e.Field == FormFields.Consent);
        body.Append($"<div class=\"campo{(error is null ? "" : " errore")}\">\n");
        if (error is not null)
        {
            body.Append($"<p class=\"messaggio-errore\" id=\"{FormFields.Consent}-errore\"><span class=\"vh\">Errore: </span>{Html.Encode(error.Message)}</p>\n");
        }

        var described = error is null ? "" : $" aria-describedby=\"{FormFields.Consent}-errore\" aria-invalid=\"true\"";
        body.Append($"<div class=\"scelta\"><input type=\"checkbox\" id=\"{FormFields.Consent}\" name=\"{FormFields.Consent}\" value=\"si\"{(m.Input.Consent ? " checked" : "")} required aria-required=\"true\"{described}>");
        body.Append($"<label for=\"{FormFields.Consent}\">Ho letto l'informativa sul trattamento dei dati personali <span aria-hidden=\"true\">*</span></label></div>\n</div>\n");
    }

    // Robots fill every input; people never see this one (display:none) and it is outside the tab order.
    private static void Honeypot(StringBuilder body) =>
        body.Append($"<div class=\"hp\"><label for=\"{FormFields.Honeypot}\">Non compilare questo campo</label><input id=\"{FormFields.Honeypot}\" name=\"{FormFields.Honeypot}\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\" value=\"\"></div>\n");

    /// <summary>Opens the field's block with label, hint and error; returns its closing tag and the input's ARIA attributes.</summary>
    private static (string Close, string DescribedBy, string Invalid) Field(StringBuilder body, FormPageModel m, string field, string label, bool required, string? hint)
    {
        var errors = m.Errors.Where(e => e.Field == field).ToList();
        body.Append($"<div class=\"campo{(errors.Count > 0 ? " errore" : "")}\">\n");
        body.Append($"<label for=\"{field}\">{Html.Encode(label)}{(required ? " <span aria-hidden=\"true\">*</span>" : "")}</label>\n");
        var ids = new List<string>();
        if (hint is not null)
        {
            body.Append($"<span class=\"aiuto\" id=\"{field}-aiuto\">{Html.Encode(hint)}</span>\n");
            ids.Add($"{field}-aiuto");
        }

        for (var i = 0; i < errors.Count; i++)
        {
            var id = $"{field}-errore{(i == 0 ? "" : $"-{i + 1}")}";
            body.Append($"<p class=\"messaggio-errore\" id=\"{id}\"><span class=\"vh\">Errore: </span>{Html.Encode(errors[i].Message)}</p>\n");
            ids.Insert(i, id);
        }

        var describedBy = ids.Count > 0 ? $" aria-describedby=\"{string.Join(' ', ids)}\"" : "";
        return ("</div>\n", describedBy, errors.Count > 0 ? " aria-invalid=\"true\"" : "");
    }

    private static string Capitalised(string topic) => topic.Length == 0 ? topic : char.ToUpper(topic[0], Italian) + topic[1..];
}
