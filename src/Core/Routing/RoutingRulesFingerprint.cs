using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContactCenter.Core.Routing;

/// <summary>
/// A short digest of what the rules decide (every rule's conditions and results, in order; descriptions left out), so a
/// learned model can record the rules it was tuned against and the service can tell when they have changed since.
/// </summary>
public static class RoutingRulesFingerprint
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutDescriptions } },
    };

    public static string Of(IReadOnlyList<RoutingRule> rules) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(rules, Json)))[..16];

    private static void LeaveOutDescriptions(JsonTypeInfo type)
    {
        if (type.Type == typeof(RoutingRule)
            && type.Properties.FirstOrDefault(p => p.Name == nameof(RoutingRule.Description)) is { } description)
        {
            type.Properties.Remove(description);
        }
    }
}
