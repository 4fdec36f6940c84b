using System.Security.Claims;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Workers.Backoffice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Archived files for a backoffice that cannot reach the archive (another machine, originals in PostgreSQL): a
/// ticket's originals and attachments (<c>/api/tickets/{number}/files/{sha256}</c>, only those the ticket names), and
/// the original of a quarantined or held spam item, to look at before acting on it. Always a download, never rendered:
/// the bytes are the sender's, and an HTML or SVG file opened in the backoffice's origin could script it. Each read is
/// logged with the key that read it, since these are citizens' documents.
/// </summary>
internal static class ArchivedFileEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(ArchivedFileRoutes.TicketFilePattern, (string number, string sha256, HttpContext http, ClaimsPrincipal user, IBackofficeClient client,
                ILoggerFactory loggers, CancellationToken ct) =>
            Sha256Hex.IsValid(sha256)
                ? ServeAsync(() => client.OpenTicketFileAsync(number, sha256, ct), $"ticket {number.Trim()}", http, user, loggers)
                : Task.FromResult(Results.NotFound()))
            .WithFileResponses();
        app.MapGet(ArchivedFileRoutes.QuarantineOriginalPattern, (int id, HttpContext http, ClaimsPrincipal user, IBackofficeClient client,
                ILoggerFactory loggers, CancellationToken ct) =>
            ServeAsync(() => client.OpenQuarantineOriginalAsync(id, ct), $"quarantined item {id}", http, user, loggers))
            .WithFileResponses();
        app.MapGet(ArchivedFileRoutes.SpamOriginalPattern, (int id, HttpContext http, ClaimsPrincipal user, IBackofficeClient client,
                ILoggerFactory loggers, CancellationToken ct) =>
            ServeAsync(() => client.OpenSpamOriginalAsync(id, ct), $"spam item {id}", http, user, loggers))
            .WithFileResponses();
    }

    private static async Task<IResult> ServeAsync(Func<Task<ArchivedFile?>> open, string owner, HttpContext http, ClaimsPrincipal user, ILoggerFactory loggers)
    {
        ArchivedFile? file;
        try
        {
            file = await open().ConfigureAwait(false);
        }
        catch (ArchivedFileMissingException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "File missing from the archive");
        }
        catch (ArchivedFileDamagedException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "File damaged in the archive");
        }

        if (file is null)
        {
            return Results.NotFound();
        }

        http.Response.RegisterForDisposeAsync(file);
        ControlLog.ArchivedFileRead(loggers.CreateLogger(typeof(ArchivedFileEndpoints)), owner, file.Attachment.Sha256, user.Identity?.Name ?? "loopback");
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, no-store";
        return Results.Stream(file.Content, ContentTypeOf(file.Attachment.ContentType),
            SafeFileName.From(file.Attachment.FileName, "file-" + file.Attachment.Sha256[..12]),
            entityTag: new EntityTagHeaderValue($"\"{file.Attachment.Sha256.ToLowerInvariant()}\""),
            enableRangeProcessing: file.Content.CanSeek);
    }

    private static RouteHandlerBuilder WithFileResponses(this RouteHandlerBuilder route) => route
        .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
        .Produces(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>The type the record holds when it is one (it came from the sender's headers); else plain bytes.</summary>
    private static string ContentTypeOf(string recorded) =>
        MediaTypeHeaderValue.TryParse(recorded, out var parsed) && parsed.MediaType.Value?.Contains('/') == true
            ? parsed.MediaType.Value
            : "application/octet-stream";
}
