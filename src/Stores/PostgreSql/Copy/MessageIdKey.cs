using System.Globalization;
using ContactCenter.Core.Storage.LiteDb;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// A LiteDB <c>messageids</c> key (<c>{channel}|{Message-ID}</c>, later ones with different content
/// <c>{channel}|{Message-ID}|#{n}</c>) as the PostgreSQL row's channel and n.
/// </summary>
internal static class MessageIdKey
{
    public static string ChannelOf(MessageIdRecord record)
    {
        if (record.ChannelName is not null)
        {
            return record.ChannelName;
        }

        var separator = record.Key.LastIndexOf("|" + record.MessageId, StringComparison.Ordinal);
        return separator > 0 ? record.Key[..separator] : record.Key;
    }

    public static int NumberOf(MessageIdRecord record)
    {
        var later = MessageIdRecord.KeyOf(ChannelOf(record), record.MessageId) + "|#";
        return record.Key.StartsWith(later, StringComparison.Ordinal)
            && int.TryParse(record.Key.AsSpan(later.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;
    }
}
