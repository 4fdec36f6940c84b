using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>A labelled set file: <c>{ "requests": [ { "subject", "body", "sender", "expectedLevel", ... } ] }</c>.</summary>
public sealed class LabelledSet
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public List<LabelledRequest> Requests { get; set; } = [];

    public static async Task<LabelledSet> LoadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var set = await JsonSerializer.DeserializeAsync<LabelledSet>(stream, Json, cancellationToken).ConfigureAwait(false)
                  ?? throw new InvalidDataException("The labelled set is empty.");
        for (var i = 0; i < set.Requests.Count; i++)
        {
            var r = set.Requests[i];
            if (string.IsNullOrWhiteSpace(r.Subject) && string.IsNullOrWhiteSpace(r.Body) && string.IsNullOrWhiteSpace(r.Text))
            {
                throw new InvalidDataException($"requests[{i}] ({r.Id}): no subject, body or text.");
            }

            if (string.IsNullOrWhiteSpace(r.ExpectedCategory) || !Enum.IsDefined(r.ExpectedLevel))
            {
                throw new InvalidDataException($"requests[{i}] ({r.Id}): expectedLevel and expectedCategory are required.");
            }
        }

        return set;
    }

    public static async Task<LabelledSet> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await LoadAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
