using System.Security.Claims;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Workers.Backoffice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>GET /api/store/snapshot</c> (admin): the embedded store as it stood between two writes, for
/// <c>contactcenter store backup</c>, which cannot copy a file the running service is writing. Admin only: it is every
/// ticket at once.
/// </summary>
internal static class StoreSnapshotEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/" + StoreSnapshotRoute.Path, async (HttpContext http, ClaimsPrincipal user, IBackofficeClient client, ILoggerFactory loggers,
            CancellationToken ct) =>
        {
            Stream snapshot;
            try
            {
                snapshot = await client.OpenStoreSnapshotAsync(ct).ConfigureAwait(false);
            }
            catch (NotSupportedException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "No snapshot of this store");
            }

            http.Response.RegisterForDisposeAsync(snapshot);
            http.Response.Headers.CacheControl = "private, no-store";
            ControlLog.StoreSnapshotRead(loggers.CreateLogger(typeof(StoreSnapshotEndpoint)), user.Identity?.Name ?? "loopback");
            return Results.Stream(snapshot, "application/octet-stream", StoreSnapshotFile.FileName);
        })
        .RequireAuthorization(ControlPolicies.Admin)
        .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
        .ProducesProblem(StatusCodes.Status409Conflict);
}
