namespace ContactCenter.WebForm.Submission;

/// <summary>An attachment of the JSON endpoint: its file name and its bytes in base64.</summary>
internal sealed class ApiAttachment
{
    public string? Nome { get; set; }
    public string? Contenuto { get; set; }
}
