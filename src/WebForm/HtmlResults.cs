using Microsoft.AspNetCore.Http;

namespace ContactCenter.WebForm;

/// <summary>HTML answers: UTF-8, never cached (a confirmation or a tracking page is the citizen's own).</summary>
internal static class HtmlResults
{
    public static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
