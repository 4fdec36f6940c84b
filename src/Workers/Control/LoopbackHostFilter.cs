using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Answers only requests addressed to a loopback name. A web page in the admin's browser could otherwise reach the
/// endpoint through a DNS name that resolves to 127.0.0.1 (DNS rebinding) and read tickets.
/// </summary>
internal static class LoopbackHostFilter
{
    private static readonly string[] Names = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public static async Task InvokeAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        var host = context.Request.Host.Host;
        if (!Names.Contains(host, StringComparer.OrdinalIgnoreCase) && !host.StartsWith("127.", StringComparison.Ordinal))
        {
            ControlLog.ForeignHostRefused(logger, host);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Host not allowed", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }
}
