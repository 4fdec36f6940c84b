namespace ContactCenter.WebForm.Submission;

internal enum SubmissionResultKind
{
    /// <summary>A new ticket, committed.</summary>
    Created,

    /// <summary>The same token or Idempotency-Key again with the same request (refresh, double click, retry): the ticket it made before.</summary>
    AlreadyStored,

    /// <summary>
    /// The same token or Idempotency-Key with a different request: nothing stored, and nothing of the first request
    /// shown (another site's caller may have picked the same key).
    /// </summary>
    KeyReused,

    /// <summary>Could not become a ticket; kept in quarantine with its reason for an operator.</summary>
    Quarantined,
}
