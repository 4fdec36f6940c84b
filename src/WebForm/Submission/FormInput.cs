namespace ContactCenter.WebForm.Submission;

/// <summary>What the citizen sent, as typed: kept to fill the form again when something must be corrected.</summary>
internal sealed class FormInput
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string FiscalCode { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Topic { get; set; } = "";
    public bool Consent { get; set; }
    public List<UploadedFile> Files { get; set; } = [];
}
