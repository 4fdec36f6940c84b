using System.Collections.Concurrent;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The part of <c>store verify</c> for attachments kept as slices of their originals, run before the archive's own
/// check: each slice is decoded from its original and hashed, and must hash to the attachment's name. A sound original
/// proves its bytes, and this proves that the ticket's record of where the attachment lies in it still finds the
/// attachment, so that every file a ticket lists can be served. Slices of one original that come one after the other
/// (a message's attachments) share one read of it, and that read hashes the original too (recorded in
/// <see cref="CheckedArchiveFiles"/>, which the archive's check then skips): with originals in the database each read is
/// the whole original over the network, and on disk mail with attachments is most of the archive's bytes. When that
/// original is missing or damaged its slices are not reported one by one, nor those of another run of its slices (one
/// original under two tickets), which read it again: the original's own line says what to restore.
/// </summary>
internal static class AttachmentSliceAudit
{
    public static async Task<AttachmentSliceFindings> RunAsync(IContentArchive archive, IAsyncEnumerable<TicketAttachment> attachments,
        Sha256Set referenced, CheckedArchiveFiles originals, CancellationToken cancellationToken)
    {
        var problems = new ConcurrentBag<(string Sha, string Problem)>();
        // Slices of an original another run reads and hashes: they count once its finding is known (rare: one original
        // under two tickets), so only these are kept, never every slice of a store of years.
        var deferred = new ConcurrentBag<(TicketAttachment Attachment, string? Problem)>();
        int slices = 0, verified = 0;
        // Decoding is CPU and reading is I/O: a few at once, as the archive's check reads.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 2, 4), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ByOriginal(attachments, cancellationToken), parallel, (group, _) =>
        {
            Interlocked.Add(ref slices, group.Count);
            var sha = group[0].InOriginal!.Sha256;
            var named = referenced.Contains(sha);
            var hashing = named && originals.TryClaim(sha);
            foreach (var check in Check(archive, group, hashing, originals))
            {
                if (named && !hashing)
                {
                    deferred.Add(check);
                }
                else
                {
                    Count(check);
                }
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        // Every run has ended, so every original one of them hashed has its finding: the slices of one found missing or
        // damaged count neither way, as those of the run that hashed it do not.
        foreach (var check in deferred.Where(c => !originals.Unsound(c.Attachment.InOriginal!.Sha256)))
        {
            Count(check);
        }

        return new AttachmentSliceFindings(slices, verified, [.. problems.OrderBy(p => p.Sha, StringComparer.Ordinal).Select(p => p.Problem)]);

        void Count((TicketAttachment Attachment, string? Problem) check)
        {
            if (check.Problem is null)
            {
                Interlocked.Increment(ref verified);
            }
            else
            {
                problems.Add((check.Attachment.Sha256, check.Problem));
            }
        }
    }

    /// <summary>Runs of consecutive attachments sliced from the same original.</summary>
    private static async IAsyncEnumerable<List<TicketAttachment>> ByOriginal(
        IAsyncEnumerable<TicketAttachment> attachments, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<TicketAttachment> group = [];
        await foreach (var attachment in attachments.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (group.Count > 0 && !string.Equals(group[0].InOriginal!.Sha256, attachment.InOriginal!.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                yield return group;
                group = [];
            }

            group.Add(attachment);
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    /// <summary>
    /// Each slice's problem (null when sound), the original opened once for them all; when <paramref name="hashing"/>
    /// (the first run of its slices, and the store names it) the original itself is hashed in that read.
    /// </summary>
    private static IEnumerable<(TicketAttachment Attachment, string? Problem)> Check(
        IContentArchive archive, List<TicketAttachment> group, bool hashing, CheckedArchiveFiles originals)
    {
        var sha = group[0].InOriginal!.Sha256;
        Stream original;
        try
        {
            original = archive.OpenRead(sha);
        }
        catch (Exception ex) when (Problem(ex) is { } problem)
        {
            if (!hashing)
            {
                return group.Select(a => (a, (string?)$"{Where(a)}{problem}"));
            }

            originals.Failed(sha, ex);
            return [];
        }

        using (original)
        {
            return hashing ? CheckAndHash(original, sha, group, originals) : [.. group.Select(a => (a, Check(original, a)))];
        }
    }

    private static List<(TicketAttachment Attachment, string? Problem)> CheckAndHash(
        Stream original, string sha, List<TicketAttachment> group, CheckedArchiveFiles originals)
    {
        using var reading = new SequentialHashingStream(original);
        var checks = group.OrderBy(a => a.InOriginal!.Start).Select(a => (a, Check(reading, a))).ToList();
        try
        {
            var (actual, length) = reading.Finish();
            return originals.Hashed(sha, actual, length) ? checks : [];
        }
        catch (Exception ex) when (Problem(ex) is not null)
        {
            originals.Failed(sha, ex);
            return [];
        }
    }

    private static string? Check(Stream original, TicketAttachment attachment)
    {
        try
        {
            var actual = OriginalSliceReader.HashOf(original, attachment.Sha256, attachment.InOriginal!);
            return string.Equals(actual, attachment.Sha256, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"{Where(attachment)} decodes to bytes hashing to {actual}, not to its name: the ticket's record of where it lies is wrong";
        }
        catch (Exception ex) when (Problem(ex) is { } problem)
        {
            return $"{Where(attachment)}{problem}";
        }
    }

    private static string? Problem(Exception ex) => ex switch
    {
        FileNotFoundException => ": the original is not in the archive",
        InvalidDataException or IOException or UnauthorizedAccessException or StorageUnavailableException or FormatException or ArgumentException
            => $": unreadable ({ex.GetType().Name}: {ex.Message})",
        _ => null,
    };

    private static string Where(TicketAttachment attachment) =>
        $"attachment {attachment.Sha256}: its slice of original {attachment.InOriginal!.Sha256} (bytes {attachment.InOriginal.Start}-{attachment.InOriginal.End}, {attachment.InOriginal.Encoding})";
}
