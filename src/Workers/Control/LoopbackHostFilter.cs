using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Answers only requests addressed to a loopback name. A web page in the admin's browser could otherwise reach the
/// endpoint through a DNS name that resolves to 127.0.0.1 (DNS rebinding) and read tickets. A loopback name is
/// <c>localhost</c> or a literal loopback address, never a name that merely starts like one: a page may own
/// <c>127.0.0.1.rebind.example</c> and point it at this machine.
/// </summary>
internal static class LoopbackHostFilter
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        var host = context.Request.Host.Host;
        if (!Core.Channels.LoopbackHost.Is(host))
        {
            ControlLog.ForeignHostRefused(logger, host);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Host not allowed", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }
}
