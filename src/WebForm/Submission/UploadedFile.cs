namespace ContactCenter.WebForm.Submission;

/// <summary>An attachment as received, already bounded by the request size limit; its name is the browser's (untrusted).</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);
