using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Files;

/// <summary>
/// A folder channel's file hashed while held exclusively, with the one policy every folder channel shares on what a
/// failure means: a vanished file is skipped, a held one waits, anything the rules refuse or the service cannot read
/// goes to quarantine with its reason so the rest of the folder flows.
/// </summary>
internal readonly record struct SourceFileHash(SourceFileHashOutcome Outcome, string Sha256, string RefusedReason)
{
    public static async Task<SourceFileHash> ReadAsync(string path, SourceFileRules rules, CancellationToken cancellationToken)
    {
        try
        {
            return await FileHasher.TrySha256ExclusiveAsync(path, rules, cancellationToken) is { } sha256
                ? new(SourceFileHashOutcome.Hashed, sha256, "")
                : new(SourceFileHashOutcome.StillOpen, "", "");
        }
        catch (FileNotFoundException)
        {
            return new(SourceFileHashOutcome.Vanished, "", "");
        }
        catch (Exception ex) when (ex is InboundItemRejectedException or IOException or UnauthorizedAccessException)
        {
            return new(SourceFileHashOutcome.Refused, "", ex.Message);
        }
    }
}
