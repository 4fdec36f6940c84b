using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Workers.Backoffice;

/// <summary>The control endpoint's JSON, on both ends: camelCase, enums as names.</summary>
internal static class BackofficeJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
