namespace ContactCenter.WebForm.Submission;

/// <summary>An attachment that passed the checks: a safe name, the content type its bytes proved, the bytes.</summary>
internal sealed record AcceptedFile(string FileName, string ContentType, byte[] Content);
