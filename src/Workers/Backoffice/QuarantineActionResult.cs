using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

internal sealed record QuarantineActionResult(BackofficeOutcome Outcome, string Message, QuarantineRecord? Record = null);
