using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Testing.OAuth;

public sealed partial class TestTokenServer
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private async Task<IResult> HandleTokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var endpoint = $"{BaseUrl(context)}{context.Request.Path}";
        try
        {
            return form["grant_type"].ToString() switch
            {
                "client_credentials" => ClientCredentials(form, endpoint),
                "refresh_token" => Refresh(form),
                JwtBearer => ServiceAccount(form, endpoint),
                var other => Error(400, "unsupported_grant_type", $"grant_type '{other}' is not supported"),
            };
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            // A malformed request is the client's fault: say so instead of a bare 500.
            return Error(400, "invalid_request", $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private IResult ClientCredentials(IFormCollection form, string endpoint)
    {
        if (!clients.TryGetValue(form["client_id"].ToString(), out var client))
        {
            return Error(400, "unauthorized_client", "AADSTS700016: Application with identifier was not found in the directory.");
        }

        var assertion = form["client_assertion"].ToString();
        var authenticated = assertion.Length > 0
            ? client.PublicKey is { } key && JwtCheck.Verify(assertion, key, endpoint) is { } claims && claims.GetProperty("sub").GetString() == client.ClientId
            : client.Secret is not null && form["client_secret"] == client.Secret;
        if (client.SecretExpired)
        {
            return Error(401, "invalid_client", $"AADSTS7000222: The provided client secret keys for app '{client.ClientId}' are expired. Trace ID: 0000");
        }

        if (!authenticated)
        {
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        return client.ConsentRevoked
            ? Error(400, "invalid_grant", "AADSTS65001: The user or administrator has not consented to use the application.")
            : Issue(client, client.User, "client_credentials", null);
    }

    private IResult Refresh(IFormCollection form)
    {
        var presented = form["refresh_token"].ToString();
        if (retiredRefreshTokens.TryGetValue(presented, out var reused))
        {
            Reused(reused);
        }

        if (!refreshTokens.TryGetValue(presented, out var owner) || !clients.TryGetValue(owner.ClientId, out var client)
            || client.ConsentRevoked)
        {
            return Error(400, "invalid_grant", "Token has been expired or revoked.");
        }

        if (form["client_id"] != client.ClientId || (client.Secret is not null && form["client_secret"] != client.Secret))
        {
            return Error(401, "invalid_client", "The OAuth client was not found or its secret is wrong.");
        }

        string? rotated = null;
        if (RotateRefreshTokens)
        {
            if (!KeepUsedRefreshTokens)
            {
                // Removed by the first of two requests that present it at once; the second is then refused as a reuse.
                if (!refreshTokens.TryRemove(presented, out var used))
                {
                    Reused(owner);
                    return Error(400, "invalid_grant", "Token has been expired or revoked.");
                }

                retiredRefreshTokens[presented] = used;
            }

            rotated = IssueRefreshToken(client.ClientId, owner.User);
        }

        return Issue(client, owner.User, "refresh_token", rotated);
    }

    private void Reused((string ClientId, string User) family)
    {
        Interlocked.Increment(ref refreshTokenReuses);
        if (RevokeAllOnReuse)
        {
            foreach (var token in refreshTokens.Where(t => t.Value == family).Select(t => t.Key).ToList())
            {
                refreshTokens.TryRemove(token, out _);
            }
        }
    }

    private IResult ServiceAccount(IFormCollection form, string endpoint)
    {
        var assertion = form["assertion"].ToString();
        foreach (var client in clients.Values.Where(c => c.PublicKey is not null))
        {
            if (JwtCheck.Verify(assertion, client.PublicKey!, endpoint) is not { } claims || claims.GetProperty("iss").GetString() != client.ClientId)
            {
                continue;
            }

            return client.ConsentRevoked
                ? Error(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.")
                : Issue(client, claims.GetProperty("sub").GetString()!, JwtBearer, null);
        }

        return Error(400, "invalid_grant", "Invalid JWT Signature.");
    }

    private IResult Issue(TokenClient client, string user, string grantType, string? refreshToken)
    {
        var token = "at-" + RandomToken();
        var lifetime = TokenLifetime;
        tokens[token] = new TokenGrant(token, client.ClientId, user, DateTimeOffset.UtcNow + lifetime, grantType);
        var body = new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)Math.Ceiling(lifetime.TotalSeconds),
            ["ext_expires_in"] = (int)Math.Ceiling(lifetime.TotalSeconds),
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        return Results.Json(body);
    }

    private async Task<IResult> HandleIntrospectAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var presented = form["token"].ToString();
        if (!tokens.TryGetValue(presented, out var grant))
        {
            return Results.Json(new { active = false });
        }

        if (DateTimeOffset.UtcNow >= grant.ExpiresAt)
        {
            Interlocked.Increment(ref expiredIntrospections);
        }

        var active = !grant.Revoked && DateTimeOffset.UtcNow < grant.ExpiresAt && !clients[grant.ClientId].ConsentRevoked;
        return active
            ? Results.Json(new { active = true, username = grant.User, client_id = grant.ClientId, exp = grant.ExpiresAt.ToUnixTimeSeconds() })
            : Results.Json(new { active = false });
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, object> { ["error"] = error, ["error_description"] = description }, (JsonSerializerOptions?)null, null, status);

    /// <summary>Checks a bearer token as introspection would, for the test SMTP server.</summary>
    public bool IsActive(string user, string accessToken)
    {
        if (!tokens.TryGetValue(accessToken, out var grant))
        {
            return false;
        }

        if (DateTimeOffset.UtcNow >= grant.ExpiresAt)
        {
            Interlocked.Increment(ref expiredIntrospections);
        }

        return !grant.Revoked && DateTimeOffset.UtcNow < grant.ExpiresAt && !clients[grant.ClientId].ConsentRevoked
            && string.Equals(grant.User, user, StringComparison.OrdinalIgnoreCase);
    }
}
