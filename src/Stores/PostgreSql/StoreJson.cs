using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The JSON of stored documents: property names as in the model (PascalCase, like the LiteDB store's BSON), enums by
/// name, nulls left out, computed read-only properties (Ticket.IsSuspended) not stored, a ticket's first message's text,
/// HTML and attachments once (<see cref="TicketFirstMessageJson"/>). Instants keep their ticks.
/// </summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
        PropertyNameCaseInsensitive = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TicketFirstMessageJson.Modify } },
    };

    public static Sql.Json Serialize<T>(T value) => new(JsonSerializer.Serialize(value, Options));

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} document is null.");

    /// <summary>A row read as <c>id, doc::text</c>: the document, given the row's id (the serial column is the truth, not the JSON).</summary>
    public static T ReadWithId<T>(NpgsqlDataReader reader, Action<T, int> setId)
    {
        var document = Deserialize<T>(reader.GetString(1));
        setId(document, checked((int)reader.GetInt64(0)));
        return document;
    }
}
