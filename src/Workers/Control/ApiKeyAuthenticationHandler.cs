using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Authenticates a control request by its API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>), giving it
/// the key's name and role claims. Refusals are logged with the method, path, peer and reason, never the key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ControlKeyring keyring)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string ReasonItem = "contactcenter.auth.reason";

    private readonly ILogger log = loggerFactory.CreateLogger<ApiKeyAuthenticationHandler>();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var loopback = keyring.IsLoopbackListener(Context.Connection);
        if (keyring.IsOpen)
        {
            // No key configured: only the loopback listener exists (validation), open to this machine as before.
            return Task.FromResult(loopback ? Success(ControlKeyring.LocalKeyName, ControlRole.Admin) : Refuse("no API key configured"));
        }

        var key = PresentedKey(Request);
        if (key is null)
        {
            return Task.FromResult(Refuse("no API key"));
        }

        return Task.FromResult(keyring.Find(key, loopback) is { } match ? Success(match.Name, match.Role) : Refuse("unknown API key"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[ReasonItem] as string ?? "no API key";
        ControlAuthLog.Unauthenticated(log, Request.Method, Request.Path, Peer(), reason);
        Response.Headers.WWWAuthenticate = "Bearer";
        await ControlProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, ControlProblems.KeyRequiredType, "API key required",
            "An API key is required (Authorization: Bearer KEY or X-Api-Key: KEY). On this machine the CLI reads the " +
            "service's local key from control.key in its data folder: run it as the service's user.").ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var name = Context.User.Identity?.Name ?? "?";
        var role = Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).LastOrDefault() ?? "none";
        ControlAuthLog.Forbidden(log, Request.Method, Request.Path, Peer(), name, role);
        return ControlProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, ControlProblems.RoleTooLowType, "Role too low",
            $"The key {name} has the role {role}; this call needs a higher one (reader reads, operator acts, admin switches the mode).").AsTask();
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }

        return request.Headers[HeaderName].ToString().Trim() is { Length: > 0 } key ? key : null;
    }

    private AuthenticateResult Success(string name, ControlRole role)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(ControlPolicies.ClaimsOf(role).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Refuse(string reason)
    {
        Context.Items[ReasonItem] = reason;
        return AuthenticateResult.NoResult();
    }

    private string Peer() => Context.Connection.RemoteIpAddress?.ToString() ?? "?";
}
