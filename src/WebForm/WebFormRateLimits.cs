using System.Threading.RateLimiting;
using ContactCenter.WebForm.Pages;
using ContactCenter.WebForm.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.WebForm;

/// <summary>
/// Per-address fixed windows (ASP.NET Core's rate limiter): one for submissions (form and JSON), one for tracking
/// look-ups. The address is the client's as the configured proxies report it, else the connection's; IPv6 clients are
/// counted by their /64 (<see cref="ClientNetwork"/>). On several nodes (a store that shares a rate counter) the
/// windows are the cluster's (<see cref="ClusterWindowLimiter"/>), else each node's.
/// </summary>
internal static class WebFormRateLimits
{
    public const string Submit = "submit";
    public const string Tracking = "tracking";

    public static void Configure(RateLimiterOptions limiter, WebFormOptions options, SharedRateWindows? shared)
    {
        limiter.AddPolicy(Submit, context => Window(shared, Submit, ClientNetwork.Of(context.Connection.RemoteIpAddress), options.SubmitPermitLimit, options.SubmitWindow));
        limiter.AddPolicy(Tracking, context => Window(shared, Tracking, ClientNetwork.Of(context.Connection.RemoteIpAddress), options.TrackingPermitLimit, options.TrackingWindow));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            context.RequestServices.GetRequiredService<WebFormMetrics>().Rejected("rate_limit");
            var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            var minutes = Math.Max(1, (int)Math.Ceiling(retry.TotalMinutes));
            if (IsJson(context))
            {
                await context.Response.WriteAsJsonAsync(new { errore = $"Troppe richieste da questo indirizzo: riprovi tra {minutes} minuti." }, cancellationToken).ConfigureAwait(false);
                return;
            }

            var site = context.RequestServices.GetRequiredService<SiteInfo>();
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(MessagePage.Render(context.Request.PathBase, site.Name, "Troppe richieste",
                $"Da questo indirizzo sono arrivate troppe richieste in poco tempo. Per favore riprovi tra {(minutes == 1 ? "un minuto" : $"{minutes} minuti")}."),
                cancellationToken).ConfigureAwait(false);
        };
    }

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static bool IsJson(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    /// <summary>
    /// A client's fixed window: no queue, refused at once past the limit; replenished by the partitioned limiter's one
    /// timer (which <see cref="RateLimitPartition.GetFixedWindowLimiter{TKey}"/> arranges anyway), not a timer per client.
    /// </summary>
    public static FixedWindowRateLimiterOptions WindowOptions(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = false,
    };

    private static RateLimitPartition<string> Window(SharedRateWindows? shared, string policy, string client, int permits, TimeSpan window) =>
        shared is null
            ? RateLimitPartition.GetFixedWindowLimiter(client, _ => WindowOptions(permits, window))
            : RateLimitPartition.Get(client, key => new ClusterWindowLimiter(shared, policy, key, permits, window));
}
