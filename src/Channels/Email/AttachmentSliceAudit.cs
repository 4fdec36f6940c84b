using System.Collections.Concurrent;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The second half of <c>store verify</c> for attachments kept as slices of their originals: each slice is decoded from
/// its original and hashed, and must hash to the attachment's name. A sound original proves its bytes, and this proves
/// that the ticket's record of where the attachment lies in it still finds the attachment, so that every file a
/// ticket lists can be served. A slice of an original the first half found missing or damaged is not decoded: that
/// original's own line says what to restore. Slices of one original that come one after the other (a message's
/// attachments) share one read of it: with originals in the database each read is the whole original over the network.
/// </summary>
internal static class AttachmentSliceAudit
{
    public static async Task<ArchiveAuditReport> RunAsync(
        IContentArchive archive, IAsyncEnumerable<TicketAttachment> attachments, ArchiveAuditReport report, CancellationToken cancellationToken)
    {
        var problems = new ConcurrentBag<(string Sha, string Problem)>();
        int slices = 0, verified = 0;
        // Decoding is CPU and reading is I/O: a few at once, as the first half reads.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 2, 4), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ByOriginal(attachments, cancellationToken), parallel, (group, _) =>
        {
            Interlocked.Add(ref slices, group.Count);
            if (report.UnsoundFiles.Contains(group[0].InOriginal!.Sha256))
            {
                return ValueTask.CompletedTask;
            }

            foreach (var (attachment, problem) in Check(archive, group))
            {
                if (problem is null)
                {
                    Interlocked.Increment(ref verified);
                }
                else
                {
                    problems.Add((attachment.Sha256, problem));
                }
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var all = report.Problems.Concat(problems.OrderBy(p => p.Sha, StringComparer.Ordinal).Select(p => p.Problem)).ToList();
        return report with { Problems = all, Slices = slices, SlicesVerified = verified };
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

    /// <summary>Each slice's problem (null when sound), the original opened once for them all.</summary>
    private static IEnumerable<(TicketAttachment Attachment, string? Problem)> Check(IContentArchive archive, List<TicketAttachment> group)
    {
        Stream original;
        try
        {
            original = archive.OpenRead(group[0].InOriginal!.Sha256);
        }
        catch (Exception ex) when (Problem(ex) is { } problem)
        {
            return group.Select(a => (a, (string?)$"{Where(a)}{problem}"));
        }

        using (original)
        {
            return [.. group.Select(a => (a, Check(original, a)))];
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
        InvalidDataException or IOException or UnauthorizedAccessException or StorageUnavailableException or FormatException
            => $": unreadable ({ex.GetType().Name}: {ex.Message})",
        _ => null,
    };

    private static string Where(TicketAttachment attachment) =>
        $"attachment {attachment.Sha256}: its slice of original {attachment.InOriginal!.Sha256} (bytes {attachment.InOriginal.Start}-{attachment.InOriginal.End}, {attachment.InOriginal.Encoding})";
}
