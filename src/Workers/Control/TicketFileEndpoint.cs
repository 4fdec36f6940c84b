using System.Security.Claims;
using ContactCenter.Core.Intake;
using ContactCenter.Workers.Backoffice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>GET /api/tickets/{number}/files/{sha256}</c>: an original or attachment of the ticket, for a backoffice that cannot
/// reach the archive (another machine, originals in PostgreSQL). Always a download, never rendered: the bytes are the
/// sender's, and an HTML or SVG attachment opened in the backoffice's origin could script it. Each read is logged with
/// the key that read it, since these are citizens' documents.
/// </summary>
internal static class TicketFileEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(TicketFileRoute.Pattern, async (string number, string sha256, HttpContext http, ClaimsPrincipal user, IBackofficeClient client,
            ILoggerFactory loggers, CancellationToken ct) =>
        {
            if (!TicketFiles.IsSha256(sha256))
            {
                return Results.NotFound();
            }

            TicketFile? file;
            try
            {
                file = await client.OpenTicketFileAsync(number, sha256, ct).ConfigureAwait(false);
            }
            catch (TicketFileMissingException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "File missing from the archive");
            }

            if (file is null)
            {
                return Results.NotFound();
            }

            http.Response.RegisterForDisposeAsync(file);
            ControlLog.TicketFileRead(loggers.CreateLogger(typeof(TicketFileEndpoint)), number.Trim(), file.Attachment.Sha256, user.Identity?.Name ?? "loopback");
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            headers.CacheControl = "private, no-store";
            return Results.Stream(file.Content, ContentTypeOf(file.Attachment.ContentType),
                SafeFileName.From(file.Attachment.FileName, "file-" + file.Attachment.Sha256[..12]),
                entityTag: new EntityTagHeaderValue($"\"{file.Attachment.Sha256.ToLowerInvariant()}\""),
                enableRangeProcessing: file.Content.CanSeek);
        })
        .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
        .Produces(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>The type the ticket recorded when it is one (it came from the sender's headers); else plain bytes.</summary>
    private static string ContentTypeOf(string recorded) =>
        MediaTypeHeaderValue.TryParse(recorded, out var parsed) && parsed.MediaType.Value?.Contains('/') == true
            ? parsed.MediaType.Value
            : "application/octet-stream";
}
