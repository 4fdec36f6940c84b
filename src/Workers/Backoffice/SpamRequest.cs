namespace ContactCenter.Workers.Backoffice;

/// <summary>The body of <c>POST /api/spam/{id}/release|confirm</c>.</summary>
internal sealed record SpamRequest(string? Actor);
