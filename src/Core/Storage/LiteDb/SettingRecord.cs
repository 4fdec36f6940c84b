using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Row of <c>settings</c>: a value with who set it and when (settings have no history of their own).</summary>
internal sealed class SettingRecord
{
    public const string ModeKey = "mode";

    [BsonId]
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public string Actor { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
