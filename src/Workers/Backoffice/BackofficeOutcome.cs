namespace ContactCenter.Workers.Backoffice;

internal enum BackofficeOutcome
{
    Done,
    NotFound,

    /// <summary>The act does not apply (already closed, not suspended, ...): HTTP 409.</summary>
    Refused,

    /// <summary>The request lacks something (a reason, a level): HTTP 400.</summary>
    Invalid,
}
