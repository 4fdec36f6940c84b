using System.Globalization;
using System.Security.Claims;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Workers.Control;

/// <summary>
/// The JSON API of the control endpoint, for the CLI and a backoffice application: a thin HTTP face over the
/// service's own <see cref="IBackofficeClient"/>. Acts are POSTs with a JSON body (a browser cannot send one across
/// origins without a preflight, which is never answered). Every route needs the reader role (the fallback policy) unless
/// it names another: acts need operator, the mode switch admin; only /health and /api/ping are anonymous, and /health
/// tells an anonymous caller on the network listener its verdict only.
/// </summary>
internal static class ControlApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (HttpContext context, HealthReporter health, ControlKeyring keyring) =>
        {
            var report = health.Build();
            var status = report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            // A monitor on the network needs the verdict only: the reasons name mail hosts, accounts and folders.
            return keyring.IsLoopbackListener(context.Connection) || context.User.Identity?.IsAuthenticated == true
                ? Results.Json(report, statusCode: status)
                : Results.Json(new { report.Status, report.At }, statusCode: status);
        }).AllowAnonymous();
        // The CLI on this machine asks which store the service owns; the network learns only that it is one of ours.
        app.MapGet("/api/ping", (HttpContext context, ServiceIdentity identity, ControlKeyring keyring) =>
            keyring.IsLoopbackListener(context.Connection) || context.User.Identity?.IsAuthenticated == true
                ? Results.Json(identity)
                : Results.Json(new { identity.Service })).AllowAnonymous();
        app.MapGet("/api/status", (IBackofficeClient client, CancellationToken ct) => client.GetStatusAsync(ct));
        MapTickets(app);
        ArchivedFileEndpoints.Map(app);
        StoreSnapshotEndpoint.Map(app);
        app.MapGet("/api/mode", async (IBackofficeClient client, CancellationToken ct) =>
        {
            var mode = await client.GetModeAsync(ct).ConfigureAwait(false);
            return new ModeChangeResult(mode, mode);
        });
        app.MapPost("/api/mode", (ModeRequest request, ClaimsPrincipal user, IBackofficeClient client, CancellationToken ct) =>
            client.SetModeAsync(request.Mode, Actor(request.Actor, user), ct)).RequireAuthorization(ControlPolicies.Admin);
        MapQuarantine(app);
        MapSpam(app);
        app.MapGet("/api/stats", async (string? from, string? to, IBackofficeClient client, CancellationToken ct) =>
            !TryDate(from, out var f) || !TryDate(to, out var t)
                ? ControlProblems.InvalidQuery("from and to are dates like 2026-01-31")
                : Results.Json(await client.GetStatisticsAsync(f, t, ct).ConfigureAwait(false)))
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static void MapTickets(IEndpointRouteBuilder app)
    {
        TicketListEndpoint.Map(app);
        // Opening a ticket by hand (a phone call the operator could not answer at once).
        app.MapPost("/api/tickets", async (TicketOpenRequest request, ClaimsPrincipal user, IBackofficeClient client, CancellationToken ct) =>
        {
            var result = await client.OpenTicketAsync(request with { Operator = Actor(request.Operator, user) }, ct).ConfigureAwait(false);
            return Results.Json(result, statusCode: result is { Outcome: BackofficeOutcome.Done, AlreadyRegistered: false }
                ? StatusCodes.Status201Created
                : StatusOf(result.Outcome));
        }).RequireAuthorization(ControlPolicies.Operator);
        app.MapGet("/api/tickets/{number}", async (string number, IBackofficeClient client, CancellationToken ct) =>
            await client.GetTicketAsync(number, ct).ConfigureAwait(false) is { } ticket ? Results.Json(ticket) : Results.NotFound());
        app.MapPost("/api/tickets/{number}/{action}", async (string number, string action, TicketChange change, ClaimsPrincipal user,
            IBackofficeClient client, CancellationToken ct) =>
        {
            if (!Enum.TryParse<TicketAction>(action, ignoreCase: true, out var act) || int.TryParse(action, out _))
            {
                return Results.NotFound();
            }

            var result = await client.ChangeTicketAsync(number, act, change with { Actor = Actor(change.Actor, user) }, ct).ConfigureAwait(false);
            return Results.Json(result, statusCode: StatusOf(result.Outcome));
        }).RequireAuthorization(ControlPolicies.Operator);
    }

    private static void MapQuarantine(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quarantine", (bool? all, IBackofficeClient client, CancellationToken ct) =>
            client.ListQuarantineAsync(all ?? false, ct));
        app.MapGet("/api/quarantine/{id:int}", async (int id, IBackofficeClient client, CancellationToken ct) =>
            await client.GetQuarantineAsync(id, ct).ConfigureAwait(false) is { } record ? Results.Json(record) : Results.NotFound());
        app.MapPost("/api/quarantine/{id:int}/retry", async (int id, QuarantineRequest request, ClaimsPrincipal user, IBackofficeClient client,
            CancellationToken ct) =>
        {
            var result = await client.RetryQuarantineAsync(id, Actor(request.Actor, user), ct).ConfigureAwait(false);
            return Results.Json(result, statusCode: StatusOf(result.Outcome));
        }).RequireAuthorization(ControlPolicies.Operator);
        app.MapPost("/api/quarantine/{id:int}/discard", async (int id, QuarantineRequest request, ClaimsPrincipal user, IBackofficeClient client,
            CancellationToken ct) =>
        {
            var result = await client.DiscardQuarantineAsync(id, request.Reason ?? "", Actor(request.Actor, user), ct).ConfigureAwait(false);
            return Results.Json(result, statusCode: StatusOf(result.Outcome));
        }).RequireAuthorization(ControlPolicies.Operator);
    }

    private static void MapSpam(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/spam", (bool? all, IBackofficeClient client, CancellationToken ct) => client.ListSpamAsync(all ?? false, ct));
        app.MapGet("/api/spam/{id:int}", async (int id, IBackofficeClient client, CancellationToken ct) =>
            await client.GetSpamAsync(id, ct).ConfigureAwait(false) is { } record ? Results.Json(record) : Results.NotFound());
        app.MapPost("/api/spam/{id:int}/release", async (int id, SpamRequest request, ClaimsPrincipal user, IBackofficeClient client,
            CancellationToken ct) =>
        {
            var result = await client.ReleaseSpamAsync(id, Actor(request.Actor, user), ct).ConfigureAwait(false);
            return Results.Json(result, statusCode: StatusOf(result.Outcome));
        }).RequireAuthorization(ControlPolicies.Operator);
        app.MapPost("/api/spam/{id:int}/confirm", async (int id, SpamRequest request, ClaimsPrincipal user, IBackofficeClient client,
            CancellationToken ct) =>
        {
            var result = await client.ConfirmSpamAsync(id, Actor(request.Actor, user), ct).ConfigureAwait(false);
            return Results.Json(result, statusCode: StatusOf(result.Outcome));
        }).RequireAuthorization(ControlPolicies.Operator);
    }

    private static int StatusOf(BackofficeOutcome outcome) => outcome switch
    {
        BackofficeOutcome.Done => StatusCodes.Status200OK,
        BackofficeOutcome.NotFound => StatusCodes.Status404NotFound,
        BackofficeOutcome.Refused => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The actor the caller names, and the key it used unless that is the local one: a key cannot pass for another.</summary>
    private static string Actor(string? actor, ClaimsPrincipal user)
    {
        var named = string.IsNullOrWhiteSpace(actor) ? "api" : actor.Trim();
        return user.Identity?.Name is { } key && key != ControlKeyring.LocalKeyName ? $"{named} (key {key})" : named;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
