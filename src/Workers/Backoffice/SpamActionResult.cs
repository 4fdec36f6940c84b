using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

internal sealed record SpamActionResult(BackofficeOutcome Outcome, string Message, SpamRecord? Record = null);
