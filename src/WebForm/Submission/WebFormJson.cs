using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.WebForm.Submission;

/// <summary>The JSON shape of archived submissions and of the JSON endpoint.</summary>
internal static class WebFormJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 16,
    };
}
