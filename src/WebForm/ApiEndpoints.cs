using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Core.Pipeline;
using ContactCenter.WebForm.Submission;
using ContactCenter.WebForm.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.WebForm;

/// <summary>
/// <c>POST /api/richieste</c>: the same submission as the form, for a site that keeps its own form. JSON only (a
/// browser cannot send it across origins without a preflight, which is never answered, so no CSRF token is needed);
/// an <c>Idempotency-Key</c> header makes a retried request one ticket. Answers 201 with the number once stored.
/// </summary>
internal sealed partial class ApiEndpoints(FormValidator validator, SubmissionService submissions, TrackingLinks links, WebFormMetrics metrics,
    ILogger<ApiEndpoints> logger)
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/richieste", (HttpContext context, ApiEndpoints api) => api.SubmitAsync(context)).RequireRateLimiting(WebFormRateLimits.Submit);

    private async Task<IResult> SubmitAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Refuse("invalid", StatusCodes.Status415UnsupportedMediaType, "Content-Type", "Il corpo deve essere JSON (Content-Type: application/json).");
        }

        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (!IdempotencyKey().IsMatch(key))
        {
            return Refuse("invalid", StatusCodes.Status400BadRequest, "Idempotency-Key", "Manca l'intestazione Idempotency-Key (da 16 a 100 caratteri tra lettere, cifre, - e _), uguale per i tentativi della stessa richiesta.");
        }

        ApiRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ApiRequest>(context.Request.Body, WebFormJson.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse("too_large", StatusCodes.Status413PayloadTooLarge, "", "La richiesta supera la dimensione massima.");
        }
        catch (JsonException)
        {
            return Refuse("invalid", StatusCodes.Status400BadRequest, "", "Il corpo non è un JSON valido.");
        }

        if (request is null || !TryReadFiles(request, out var uploaded))
        {
            return Refuse("invalid", StatusCodes.Status400BadRequest, FormFields.Files, "Un allegato non ha nome o il suo contenuto non è in base64.");
        }

        var input = new FormInput
        {
            FirstName = request.Nome ?? "", LastName = request.Cognome ?? "", Email = request.Email ?? "", Phone = request.Telefono ?? "",
            FiscalCode = request.CodiceFiscale ?? "", Subject = request.Oggetto ?? "", Text = request.Testo ?? "", Topic = request.Argomento ?? "",
            Consent = request.Consenso, Files = uploaded,
        };
        var (errors, files) = validator.Validate(input);
        if (errors.Count > 0)
        {
            metrics.Rejected("validation");
            return Results.Json(new { errori = errors.Select(e => new { campo = e.Field, messaggio = e.Message }) }, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            // A key sent again finds its ticket, however long after the first.
            var result = await submissions.SubmitAsync("api-" + key, input, files, "Api", context.RequestAborted).ConfigureAwait(false);
            metrics.Submitted(result.Kind.ToString());
            return result.Kind switch
            {
                SubmissionResultKind.Quarantined =>
                    Results.Json(new { esito = "in verifica", messaggio = "Ricevuta ma da verificare da un operatore." }, statusCode: StatusCodes.Status202Accepted),
                SubmissionResultKind.KeyReused => Results.Json(
                    new { errore = "Questa Idempotency-Key è già stata usata per una richiesta diversa: ogni richiesta nuova vuole una chiave nuova." },
                    statusCode: StatusCodes.Status409Conflict),
                _ => Results.Json(new
                {
                    esito = result.Kind == SubmissionResultKind.Created ? "registrata" : "già registrata",
                    numero = result.TicketNumber,
                    scadenza = result.DueAt,
                    linkSegui = result.TicketNumber is { } number ? links.LinkFor(number) : null,
                }, statusCode: result.Kind == SubmissionResultKind.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK),
            };
        }
        catch (PollFailedException ex)
        {
            WebFormLog.StoreFailed(logger, ex);
            metrics.Rejected("store_unavailable");
            return Results.Json(new { errore = "Richiesta non registrata per un problema tecnico: riprovare con la stessa Idempotency-Key." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static bool TryReadFiles(ApiRequest request, out List<UploadedFile> files)
    {
        files = [];
        foreach (var attachment in request.Allegati ?? [])
        {
            if (attachment is null)
            {
                return false;
            }

            var bytes = new byte[(attachment.Contenuto?.Length ?? 0) * 3 / 4 + 3];
            if (string.IsNullOrWhiteSpace(attachment.Nome) || !Convert.TryFromBase64String(attachment.Contenuto ?? "", bytes, out var written))
            {
                return false;
            }

            files.Add(new UploadedFile(attachment.Nome, bytes[..written]));
        }

        return true;
    }

    private IResult Refuse(string reason, int status, string field, string message)
    {
        metrics.Rejected(reason);
        WebFormLog.Refused(logger, reason, "api");
        return Results.Json(new { errori = new[] { new { campo = field, messaggio = message } } }, statusCode: status);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16,100}$")]
    private static partial Regex IdempotencyKey();
}
