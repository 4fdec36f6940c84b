namespace ContactCenter.WebForm.Submission;

internal enum SubmissionResultKind
{
    /// <summary>A new ticket, committed.</summary>
    Created,

    /// <summary>Appended to the ticket whose number the subject carried.</summary>
    FollowUp,

    /// <summary>The same token again (refresh, double click): the ticket it made before.</summary>
    AlreadyStored,

    /// <summary>Could not become a ticket; kept in quarantine with its reason for an operator.</summary>
    Quarantined,
}
