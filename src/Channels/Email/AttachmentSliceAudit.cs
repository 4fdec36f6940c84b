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
/// original's own line says what to restore.
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
        await Parallel.ForEachAsync(attachments, parallel, (attachment, _) =>
        {
            Interlocked.Increment(ref slices);
            var slice = attachment.InOriginal!;
            if (report.UnsoundFiles.Contains(slice.Sha256))
            {
                return ValueTask.CompletedTask;
            }

            var problem = Check(archive, attachment.Sha256, slice);
            if (problem is null)
            {
                Interlocked.Increment(ref verified);
            }
            else
            {
                problems.Add((attachment.Sha256, problem));
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var all = report.Problems.Concat(problems.OrderBy(p => p.Sha, StringComparer.Ordinal).Select(p => p.Problem)).ToList();
        return report with { Problems = all, Slices = slices, SlicesVerified = verified };
    }

    private static string? Check(IContentArchive archive, string sha256, OriginalSlice slice)
    {
        var where = $"attachment {sha256}: its slice of original {slice.Sha256} (bytes {slice.Start}-{slice.End}, {slice.Encoding})";
        try
        {
            var actual = OriginalSliceReader.HashOf(archive, sha256, slice);
            return string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"{where} decodes to bytes hashing to {actual}, not to its name: the ticket's record of where it lies is wrong";
        }
        catch (FileNotFoundException)
        {
            return $"{where}: the original is not in the archive";
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or StorageUnavailableException or FormatException)
        {
            return $"{where}: unreadable ({ex.GetType().Name}: {ex.Message})";
        }
    }
}
