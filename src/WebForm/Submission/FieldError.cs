namespace ContactCenter.WebForm.Submission;

/// <summary>One validation message in Italian, for the field it is shown next to (and linked from the summary).</summary>
internal sealed record FieldError(string Field, string Message);
