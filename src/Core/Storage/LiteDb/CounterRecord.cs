using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Row of <c>counters</c>: the last ticket sequence handed out in a year.</summary>
internal sealed class CounterRecord
{
    [BsonId]
    public string Key { get; set; } = "";

    public int Value { get; set; }
}
