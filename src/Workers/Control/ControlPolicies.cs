using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Workers.Control;

/// <summary>
/// The named authorization policies of the control API, one per <see cref="ControlRole"/>. A route without one needs
/// <see cref="Reader"/> (the fallback policy); a route that changes something says which it needs:
/// <c>app.MapPost(...).RequireAuthorization(ControlPolicies.Operator)</c>.
/// </summary>
internal static class ControlPolicies
{
    public const string Reader = "reader";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static string NameOf(ControlRole role) => role switch
    {
        ControlRole.Admin => Admin,
        ControlRole.Operator => Operator,
        _ => Reader,
    };

    /// <summary>The role claims a key of this role carries: its own and every lesser one.</summary>
    public static IEnumerable<string> ClaimsOf(ControlRole role) =>
        Enum.GetValues<ControlRole>().Where(r => r <= role).Select(NameOf);

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<ControlRole>())
        {
            options.AddPolicy(NameOf(role), policy => policy.RequireAuthenticatedUser().RequireRole(NameOf(role)));
        }

        options.FallbackPolicy = options.GetPolicy(Reader);
    }
}
