using System.Globalization;
using ContactCenter.Channels.Email.Salvage;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Screening;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactCenter.Channels.Email.Screening;

/// <summary>
/// Judges a mail draft by its channel's <c>Screening</c> settings: the trusted <c>Authentication-Results</c>, the MTA's
/// spam headers, then rspamd when asked (its verdict wins over the headers'). The headers are read from the archived
/// original, top-most first. An engine that fails leaves the item "unchecked" and the ingest goes on.
/// </summary>
internal sealed class MailScreen(
    MailScreeningCatalog catalog, IContentArchive archive, RspamdClient engine, IOptions<SpamOptions> spam, ILogger<MailScreen> logger,
    IngestMetrics? metrics = null) : IDraftScreen
{
    private const int MaxSymbols = 20;

    public async ValueTask ScreenAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        // A released item keeps the verdict it was released with; asking again would hold it again.
        if (catalog.For(draft.ChannelName) is not { } options || draft.Original is not { } original
            || draft.Metadata.ContainsKey(MailScreeningKeys.SpamReleasedBy))
        {
            return;
        }

        HeaderList headers;
        using (var stream = archive.OpenRead(original.Sha256))
        {
            // The normaliser read the message past the junk a "save as" puts before its headers; so must the screen.
            using (var head = MessageHead.Read(stream))
            {
                stream.Position = LeadingJunk.Measure(head).Bytes;
            }

            headers = await HeaderList.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        if (options.TrustedAuthServIds.Count > 0)
        {
            ApplyAuthentication(draft, headers, options.TrustedAuthServIds);
        }

        var judgement = SpamHeaderReader.Read(headers, options.SpamHeaders);
        if (options.Rspamd)
        {
            judgement = await AskEngineAsync(draft, original.Sha256, cancellationToken).ConfigureAwait(false) ?? judgement;
        }

        if (judgement is not null)
        {
            ApplyJudgement(draft, judgement, options.QuarantineScore ?? spam.Value.QuarantineScore);
        }
    }

    private async Task<SpamJudgement?> AskEngineAsync(TicketDraft draft, string sha256, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = archive.OpenRead(sha256);
            return await engine.CheckAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (SpamEngineException ex)
        {
            metrics?.SpamEngineError(draft.ChannelName);
            ScreeningLog.EngineFailed(logger, draft.SourceKey, ex.Message);
            draft.Metadata[MailScreeningKeys.SpamVerdict] = SpamVerdict.Unchecked.Name();
            draft.Metadata[MailScreeningKeys.SpamEngine] = "rspamd";
            draft.Metadata[MailScreeningKeys.SpamError] = ex.Message;
            return null;
        }
    }

    private void ApplyJudgement(TicketDraft draft, SpamJudgement judgement, double quarantineScore)
    {
        var verdict = judgement.Score >= quarantineScore || judgement.Action == "reject" ? SpamVerdict.Spam
            : judgement.IsSpam ? SpamVerdict.Suspect
            : SpamVerdict.Clean;
        var metadata = draft.Metadata;
        metadata[MailScreeningKeys.SpamVerdict] = verdict.Name();
        metadata[MailScreeningKeys.SpamScore] = judgement.Score.ToString("0.##", CultureInfo.InvariantCulture);
        metadata[MailScreeningKeys.SpamEngine] = judgement.Engine;
        if (judgement.Action is { } action)
        {
            metadata[MailScreeningKeys.SpamAction] = action;
        }

        if (judgement.Symbols.Count > 0)
        {
            metadata[MailScreeningKeys.SpamSymbols] = string.Join(",", judgement.Symbols.Take(MaxSymbols));
        }

        if (verdict == SpamVerdict.Suspect)
        {
            Flag(draft, string.Create(CultureInfo.InvariantCulture, $"probabile spam ({judgement.Engine}, punteggio {judgement.Score:0.##})"));
        }

        ScreeningLog.Verdict(logger, draft.SourceKey, verdict.Name(), judgement.Engine, judgement.Score, judgement.Action);
    }

    private void ApplyAuthentication(TicketDraft draft, HeaderList headers, List<string> trusted)
    {
        // Our MTA prepends its header: the first one with our authserv-id is ours; one lower down is the sender's forgery.
        foreach (var header in headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            if (AuthenticationResults.Parse(header.Value) is not { } results)
            {
                continue;
            }

            if (!trusted.Contains(results.AuthServId, StringComparer.OrdinalIgnoreCase))
            {
                ScreeningLog.UntrustedAuthResults(logger, draft.SourceKey, results.AuthServId);
                continue;
            }

            Record(draft, results);
            return;
        }
    }

    private void Record(TicketDraft draft, AuthenticationResults results)
    {
        var metadata = draft.Metadata;
        metadata[MailScreeningKeys.AuthServId] = results.AuthServId;
        foreach (var (method, key) in new[] { ("dmarc", MailScreeningKeys.Dmarc), ("spf", MailScreeningKeys.Spf), ("dkim", MailScreeningKeys.Dkim) })
        {
            if (results.ResultOf(method) is { } result)
            {
                metadata[key] = result;
            }
        }

        if (results.ResultOf("dmarc") == "fail")
        {
            ScreeningLog.DmarcFailed(logger, draft.SourceKey, results.AuthServId, results.ResultOf("spf"), results.ResultOf("dkim"));
            Flag(draft, "il mittente non supera la verifica DMARC: indirizzo forse falsificato, nessuna ricevuta inviata");
        }
    }

    private static void Flag(TicketDraft draft, string reason)
    {
        draft.NeedsReview = true;
        draft.ReviewReason = string.IsNullOrEmpty(draft.ReviewReason) ? reason : $"{draft.ReviewReason}; {reason}";
    }
}
