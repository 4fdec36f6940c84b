using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Control;

/// <summary>
/// The API's errors as RFC 9457 problem details (<c>application/problem+json</c>): a backoffice application tells one
/// error from another by <c>type</c>, a stable URI, instead of by an English sentence that may be reworded. The types
/// are tag URIs (RFC 4151): names, not addresses to fetch.
/// </summary>
internal static class ControlProblems
{
    public const string InvalidQueryType = "tag:contactcenter.ingest,2026:problem:invalid-query";
    public const string UnknownAfterType = "tag:contactcenter.ingest,2026:problem:unknown-after";
    public const string KeyRequiredType = "tag:contactcenter.ingest,2026:problem:key-required";
    public const string RoleTooLowType = "tag:contactcenter.ingest,2026:problem:role-too-low";
    public const string ServiceErrorType = "tag:contactcenter.ingest,2026:problem:service-error";

    /// <summary>The extension of an <see cref="UnknownAfterType"/> problem naming the ticket that was not found.</summary>
    public const string TicketExtension = "ticket";

    public static IResult InvalidQuery(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", type: InvalidQueryType);

    public static IResult UnknownAfter(string number) =>
        Results.Problem($"after: no ticket {number}", statusCode: StatusCodes.Status400BadRequest,
            title: "No ticket to continue after", type: UnknownAfterType,
            extensions: new Dictionary<string, object?> { [TicketExtension] = number });

    /// <summary>Writes a problem where no endpoint result does (authentication, the last-resort error handler).</summary>
    public static ValueTask WriteAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
