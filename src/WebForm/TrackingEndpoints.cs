using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.WebForm.Pages;
using ContactCenter.WebForm.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.WebForm;

/// <summary>
/// The tracking page: by number and e-mail, or by the signed link of the receipt. Rate-limited per address; "no such
/// ticket", "wrong e-mail" and "wrong token" all get the same answer.
/// </summary>
internal sealed class TrackingEndpoints(ITicketStore store, TrackingLinks links, WebFormMetrics metrics, SiteInfo site)
{
    private const int MaxNumberLength = 40;
    private const long MaxLookupBytes = 16 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(TrackingLinks.Path, (HttpContext context, TrackingEndpoints tracking) => tracking.ShowForm(context));
        app.MapPost(TrackingLinks.Path, (HttpContext context, TrackingEndpoints tracking) => tracking.ByEmailAsync(context))
            .RequireRateLimiting(WebFormRateLimits.Tracking);
        app.MapGet(TrackingLinks.Path + "/{number}", (HttpContext context, string number, string? t, TrackingEndpoints tracking) =>
            tracking.ByLinkAsync(context, number, t)).RequireRateLimiting(WebFormRateLimits.Tracking);
    }

    private IResult ShowForm(HttpContext context) =>
        HtmlResults.Page(context, TrackingPage.Form(context.Request.PathBase, site.Name, "", "", notFound: false));

    private async Task<IResult> ByEmailAsync(HttpContext context)
    {
        // Two short fields: a larger body is no lookup, and is not read into memory on the way to saying so.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxLookupBytes;
        }

        IFormCollection? form;
        try
        {
            form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            metrics.Lookup("invalid");
            return HtmlResults.Page(context, TrackingPage.Form(context.Request.PathBase, site.Name, "", "", notFound: true), StatusCodes.Status400BadRequest);
        }

        var number = Submission.FormValidator.Clean(form?["numero"].ToString(), multiline: false).ToUpperInvariant();
        var email = Submission.FormValidator.Clean(form?["email"].ToString(), multiline: false);
        var ticket = await FindAsync(number, context.RequestAborted).ConfigureAwait(false);
        var matches = ticket is not null && email.Length > 0 && string.Equals(ticket.Sender.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase);
        return Answer(context, matches ? ticket : null, number, email);
    }

    private async Task<IResult> ByLinkAsync(HttpContext context, string number, string? token)
    {
        var normalized = number.Trim().ToUpperInvariant();
        var ticket = normalized.Length <= MaxNumberLength && links.IsValid(normalized, token)
            ? await FindAsync(normalized, context.RequestAborted).ConfigureAwait(false)
            : null;
        return Answer(context, ticket, "", "");
    }

    private IResult Answer(HttpContext context, Ticket? ticket, string number, string email)
    {
        metrics.Lookup(ticket is null ? "not_found" : "found");
        return ticket is null
            ? HtmlResults.Page(context, TrackingPage.Form(context.Request.PathBase, site.Name, number, email, notFound: true))
            : HtmlResults.Page(context, TrackingPage.Status(context.Request.PathBase, site.Name, TrackingStatus.Of(ticket), site.Dates));
    }

    private async Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken) =>
        number.Length is > 0 and <= MaxNumberLength ? await store.GetAsync(number, cancellationToken).ConfigureAwait(false) : null;
}
