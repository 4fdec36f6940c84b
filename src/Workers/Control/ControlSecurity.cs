using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ContactCenter.Workers.Control;

/// <summary>The control endpoint's authentication (API keys), authorization (role policies) and OpenAPI document.</summary>
internal static class ControlSecurity
{
    public const string OpenApiPath = "/openapi/v1.json";

    public static void AddServices(IServiceCollection services, ControlKeyring keyring)
    {
        services.AddSingleton(keyring);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization(ControlPolicies.Configure);
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ContactCenter control API";
            document.Info.Description = "Tickets, quarantine, mode and statistics of a running contactcenter service. " +
                "Every call but /health, /api/ping and this document needs an API key with the role its route names: " +
                "reader (GET), operator (ticket and quarantine acts), admin (POST /api/mode).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key from ContactCenter:Control:ApiKeys, as Authorization: Bearer KEY (or X-Api-Key: KEY).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] });
            return Task.CompletedTask;
        }));
    }

    public static void MapOpenApi(IEndpointRouteBuilder app) => app.MapOpenApi(OpenApiPath).AllowAnonymous();
}
