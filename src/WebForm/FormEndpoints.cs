using ContactCenter.Core.Pipeline;
using ContactCenter.WebForm.Pages;
using ContactCenter.WebForm.Submission;
using ContactCenter.WebForm.Tracking;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm;

/// <summary>
/// The form: GET serves it with a fresh token, POST checks the request (size, CSRF, honeypot, fill time, fields,
/// attachments) and answers with the ticket number only once the store has committed it.
/// </summary>
internal sealed class FormEndpoints(
    IAntiforgery antiforgery, FormToken tokens, FormValidator validator, SubmissionService submissions, TrackingLinks links, TopicList topics,
    WebFormMetrics metrics, SiteInfo site, IOptions<WebFormOptions> options, TimeProvider time, ILogger<FormEndpoints> logger)
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, FormEndpoints form) => form.ShowNew(context));
        app.MapPost("/", (HttpContext context, FormEndpoints form) => form.SubmitAsync(context)).RequireRateLimiting(WebFormRateLimits.Submit);
    }

    private IResult ShowNew(HttpContext context) => Show(context, new FormInput(), [], tokens.Issue(), StatusCodes.Status200OK);

    private IResult Show(HttpContext context, FormInput input, IReadOnlyList<FieldError> errors, string token, int status)
    {
        var af = antiforgery.GetAndStoreTokens(context);
        var model = new FormPageModel(input, errors, token, af.FormFieldName, af.RequestToken ?? "", topics.Topics, options.Value, context.Request.PathBase, site.Name);
        return HtmlResults.Page(context, FormPage.Render(model), status);
    }

    private async Task<IResult> SubmitAsync(HttpContext context)
    {
        var o = options.Value;
        if (context.Request.ContentLength > o.MaxRequestBytes)
        {
            return Refuse(context, "too_large", StatusCodes.Status413PayloadTooLarge, "Richiesta troppo grande",
                $"Il modulo e gli allegati superano in tutto la dimensione massima di {o.MaxRequestBytes / (1024 * 1024)} MB. Riduca o tolga qualche allegato e invii di nuovo.");
        }

        if (!context.Request.HasFormContentType)
        {
            return Refuse(context, "invalid", StatusCodes.Status400BadRequest, "Richiesta non valida", "La richiesta non proviene dal modulo. Compili il modulo e lo invii di nuovo.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(context, "too_large", StatusCodes.Status413PayloadTooLarge, "Richiesta troppo grande",
                $"Il modulo e gli allegati superano in tutto la dimensione massima di {o.MaxRequestBytes / (1024 * 1024)} MB.");
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Refuse(context, "invalid", StatusCodes.Status400BadRequest, "Richiesta non valida", "Il modulo inviato non è leggibile. Lo compili e lo invii di nuovo.");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return Refuse(context, "csrf", StatusCodes.Status400BadRequest, "Modulo non valido",
                "Per sicurezza il modulo deve essere inviato da questa pagina, con i cookie tecnici attivi. Apra di nuovo il modulo e lo invii.");
        }

        if (!string.IsNullOrEmpty(form[FormFields.Honeypot]))
        {
            return Refuse(context, "honeypot", StatusCodes.Status400BadRequest, "Richiesta non accettata", "La richiesta non può essere accettata. Se è una persona, apra di nuovo il modulo e lo invii.");
        }

        var input = Read(form);
        var tokenText = form[FormFields.Token].ToString();
        if (!tokens.TryRead(tokenText, out var nonce, out var issuedAt))
        {
            metrics.Rejected("token");
            return Show(context, input, [new FieldError("", "Il modulo non è valido o è stato modificato: controlli i dati e lo invii di nuovo.")], tokens.Issue(), StatusCodes.Status400BadRequest);
        }

        var age = time.GetUtcNow() - issuedAt;
        if (age > o.MaxFormAge)
        {
            metrics.Rejected("expired");
            return Show(context, input, [new FieldError("", "Il modulo è rimasto aperto troppo a lungo: controlli i dati e lo invii di nuovo.")], tokens.Issue(), StatusCodes.Status400BadRequest);
        }

        if (age < o.MinFillTime)
        {
            metrics.Rejected("too_fast");
            WebFormLog.Refused(logger, "too_fast", WebFormRateLimits.ClientOf(context));
            return Show(context, input, [new FieldError("", "Il modulo è stato inviato troppo in fretta: controlli i dati e lo invii di nuovo.")], tokenText, StatusCodes.Status400BadRequest);
        }

        var (errors, files) = validator.Validate(input);
        if (errors.Count > 0)
        {
            metrics.Rejected("validation");
            return Show(context, input, errors, tokenText, StatusCodes.Status400BadRequest);
        }

        return await StoreAsync(context, nonce, issuedAt, input, files, tokenText).ConfigureAwait(false);
    }

    private async Task<IResult> StoreAsync(HttpContext context, string nonce, DateTimeOffset issuedAt, FormInput input, List<AcceptedFile> files, string tokenText)
    {
        SubmissionResult result;
        try
        {
            result = await submissions.SubmitAsync(nonce, input, files, "Form", context.RequestAborted).ConfigureAwait(false);
        }
        catch (PollFailedException ex)
        {
            // Same token again: when the citizen retries, a commit that did happen after all is found, not doubled.
            WebFormLog.StoreFailed(logger, ex);
            metrics.Rejected("store_unavailable");
            return Show(context, input, [new FieldError("", "La richiesta non è stata registrata per un problema tecnico. Attenda qualche minuto e la invii di nuovo: i dati sono ancora qui.")],
                tokenText, StatusCodes.Status503ServiceUnavailable);
        }

        metrics.Submitted(result.Kind.ToString());
        if (result.Kind == SubmissionResultKind.Quarantined)
        {
            return HtmlResults.Page(context, MessagePage.Render(context.Request.PathBase, site.Name, "Richiesta ricevuta, da verificare",
                "La sua richiesta è stata ricevuta, ma non è stato possibile registrarla automaticamente: un operatore la esaminerà e le scriverà all'indirizzo indicato."),
                StatusCodes.Status202Accepted);
        }

        if (result.Kind == SubmissionResultKind.KeyReused)
        {
            return HtmlResults.Page(context, MessagePage.Render(context.Request.PathBase, site.Name, "Modulo già inviato",
                "Questo modulo è già stato inviato con un testo diverso, e la prima richiesta resta registrata. Per una nuova richiesta apra di nuovo il modulo."),
                StatusCodes.Status409Conflict);
        }

        var link = result.TicketNumber is { } number ? links.LinkFor(number) : null;
        return HtmlResults.Page(context, ConfirmationPage.Render(context.Request.PathBase, site.Name, result, input.Email, link, site.Dates));
    }

    private IResult Refuse(HttpContext context, string reason, int status, string title, string message)
    {
        metrics.Rejected(reason);
        WebFormLog.Refused(logger, reason, WebFormRateLimits.ClientOf(context));
        return HtmlResults.Page(context, MessagePage.Render(context.Request.PathBase, site.Name, title, message), status);
    }

    private static FormInput Read(IFormCollection form) => new()
    {
        FirstName = form[FormFields.FirstName].ToString(),
        LastName = form[FormFields.LastName].ToString(),
        Email = form[FormFields.Email].ToString(),
        Phone = form[FormFields.Phone].ToString(),
        FiscalCode = form[FormFields.FiscalCode].ToString(),
        Subject = form[FormFields.Subject].ToString(),
        Text = form[FormFields.Text].ToString(),
        Topic = form[FormFields.Topic].ToString(),
        Consent = form[FormFields.Consent].ToString() == "si",
        Files = [.. form.Files.Where(f => f.Name == FormFields.Files).Select(ReadFile)],
    };

    // The request size limit bounds what is read here; Kestrel has already buffered the part in memory.
    private static UploadedFile ReadFile(IFormFile file)
    {
        using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        stream.CopyTo(buffer);
        return new UploadedFile(file.FileName, buffer.ToArray());
    }
}
