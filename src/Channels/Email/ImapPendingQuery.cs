using MailKit.Search;

namespace ContactCenter.Channels.Email;

/// <summary>The messages of the source folder a poll takes: one definition for the poll and the IDLE watcher.</summary>
internal static class ImapPendingQuery
{
    public static SearchQuery For(ImapChannelOptions options)
    {
        SearchQuery query = SearchQuery.NotDeleted;
        if (options.ImportSince is { } since)
        {
            // SINCE compares the INTERNALDATE's day: older messages stay untouched.
            query = query.And(SearchQuery.DeliveredAfter(since.ToDateTime(TimeOnly.MinValue)));
        }

        if (options.AfterImport == ImapAfterImport.MarkSeen)
        {
            query = query.And(SearchQuery.NotSeen);
        }

        return query;
    }
}
